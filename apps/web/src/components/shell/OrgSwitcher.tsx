import { ChevronsUpDown, Plus } from 'lucide-react';
import { useNavigate } from 'react-router';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { roleLabels } from '@/lib/roleLabels.ts';

function OrgInitial({ name }: { name: string }) {
  return (
    <span
      aria-hidden="true"
      className="flex size-8 shrink-0 items-center justify-center rounded-md bg-slate-900 text-sm font-semibold text-white"
    >
      {name.trim()[0]?.toUpperCase() ?? '?'}
    </span>
  );
}

export function OrgSwitcher({ onNavigate }: { onNavigate?: () => void }) {
  const { orgId, orgName, role, memberships, switchOrg } = useCurrentOrg();
  const navigate = useNavigate();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Empresa: ${orgName}. Trocar de empresa`}
        data-testid="org-switcher"
        className="flex w-full items-center gap-2.5 rounded-lg border border-slate-200 bg-white p-2 text-left shadow-xs transition-colors hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-ring data-[state=open]:bg-slate-50"
      >
        <OrgInitial name={orgName} />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium text-slate-900">{orgName}</span>
          <span className="block truncate text-xs text-slate-600">{roleLabels[role]}</span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-(--radix-dropdown-menu-trigger-width) min-w-64">
        <DropdownMenuLabel>Suas empresas</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={orgId}
          onValueChange={(id) => {
            switchOrg(id);
            onNavigate?.();
          }}
        >
          {memberships.map((m) => (
            <DropdownMenuRadioItem key={m.orgId} value={m.orgId}>
              <span className="min-w-0 flex-1">
                <span className="block truncate">{m.orgName}</span>
                <span className="block text-xs text-slate-600">{roleLabels[m.role]}</span>
              </span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          onSelect={() => {
            onNavigate?.();
            navigate('/onboarding');
          }}
        >
          <Plus aria-hidden="true" />
          Criar nova empresa
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
