import { ChevronsUpDown, LogOut, UserRound } from 'lucide-react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Avatar } from '@/components/ui/avatar.tsx';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useSignOut } from '@/lib/queries/sessionQueries.ts';
import { useMe } from '@/lib/queries/useMe.ts';

export function UserMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const user = me.data?.user;
  if (!user) return null;

  const handleSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => navigate('/entrar', { replace: true }),
      onError: (error) => toast.error(errorMessage(error)),
    });

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Conta de ${user.name}`}
        data-testid="user-menu"
        className="flex w-full items-center gap-2.5 rounded-lg p-2 text-left transition-colors hover:bg-slate-200/60 focus-visible:outline-2 focus-visible:outline-ring data-[state=open]:bg-slate-200/60"
      >
        <Avatar name={user.name} image={user.image} />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium text-slate-900">{user.name}</span>
          <span className="block truncate text-xs text-slate-600">{user.email}</span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
      </DropdownMenuTrigger>
      <DropdownMenuContent
        side="top"
        align="start"
        className="w-(--radix-dropdown-menu-trigger-width) min-w-56"
      >
        <DropdownMenuLabel className="truncate">{user.email}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          onSelect={() => {
            onNavigate?.();
            navigate('/conta');
          }}
        >
          <UserRound aria-hidden="true" />
          Minha conta
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={handleSignOut} disabled={signOut.isPending}>
          <LogOut aria-hidden="true" />
          Sair
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
