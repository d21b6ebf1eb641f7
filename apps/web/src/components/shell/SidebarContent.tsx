import { hasRole } from '@piloto/contracts';
import { NavLink } from 'react-router';
import { BrandLogo } from '@/components/BrandLogo.tsx';
import { OrgSwitcher } from '@/components/shell/OrgSwitcher.tsx';
import { UserMenu } from '@/components/shell/UserMenu.tsx';
import { cn } from '@/lib/cn.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { navItems } from '@/lib/navigation.ts';

/** Brand, company switcher, the modules this role may use, and the account menu. */
export function SidebarContent({ onNavigate }: { onNavigate?: () => void }) {
  const { role } = useCurrentOrg();
  const items = navItems.filter((item) => hasRole(role, item.minRole));
  return (
    <div className="flex h-full flex-col">
      <div className="flex h-14 items-center px-4">
        <BrandLogo />
      </div>
      <div className="px-3 pb-3">
        <OrgSwitcher onNavigate={onNavigate} />
      </div>
      <nav aria-label="Principal" className="flex-1 overflow-y-auto px-3 py-1">
        <ul className="space-y-0.5">
          {items.map(({ to, label, icon: Icon }) => (
            <li key={to}>
              <NavLink
                to={to}
                onClick={onNavigate}
                className={({ isActive }) =>
                  cn(
                    'group flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring',
                    isActive
                      ? 'bg-white text-slate-900 shadow-xs ring-1 ring-slate-200'
                      : 'text-slate-700 hover:bg-slate-200/60 hover:text-slate-900',
                  )
                }
              >
                {({ isActive }) => (
                  <>
                    <Icon
                      className={cn(
                        'size-4 shrink-0',
                        isActive ? 'text-brand-600' : 'text-slate-500 group-hover:text-slate-700',
                      )}
                      aria-hidden="true"
                    />
                    {label}
                  </>
                )}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="border-t border-slate-200 p-3">
        <UserMenu onNavigate={onNavigate} />
      </div>
    </div>
  );
}
