import { NavLink } from 'react-router';
import { cn } from '@/lib/cn.ts';

const tabs = [
  { to: '/agentes', label: 'Agentes', end: true },
  { to: '/agentes/logs', label: 'Logs de atendimento', end: false },
];

/** The sub-navigation inside "Agentes": the agents and their conversation logs. */
export function AgentsTabs() {
  return (
    <nav aria-label="Agentes" className="-mt-2 mb-6 border-b border-slate-200">
      <ul className="flex gap-4">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.end}
              className={({ isActive }) =>
                cn(
                  '-mb-px inline-block border-b-2 px-1 pb-2.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring',
                  isActive
                    ? 'border-brand-600 text-slate-900'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )
              }
            >
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
