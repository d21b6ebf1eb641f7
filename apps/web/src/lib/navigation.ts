import type { Role } from '@piloto/contracts';
import {
  AudioLines,
  BarChart3,
  BookOpen,
  Bot,
  ClipboardCheck,
  CreditCard,
  Inbox,
  type LucideIcon,
  Repeat,
  Settings,
  Smartphone,
  Users,
  Workflow,
} from 'lucide-react';

export type NavItem = { to: string; label: string; icon: LucideIcon; minRole: Role };

/** The app's modules in sidebar order; minRole is the least role that sees (and may open) each. */
export const navItems: NavItem[] = [
  { to: '/inbox', label: 'Inbox', icon: Inbox, minRole: 'seller' },
  { to: '/agentes', label: 'Agentes', icon: Bot, minRole: 'admin' },
  { to: '/vozes', label: 'Vozes', icon: AudioLines, minRole: 'admin' },
  { to: '/conhecimento', label: 'Conhecimento', icon: BookOpen, minRole: 'admin' },
  { to: '/canais', label: 'Canais', icon: Smartphone, minRole: 'admin' },
  { to: '/follow-ups', label: 'Follow-ups', icon: Repeat, minRole: 'seller' },
  { to: '/crm', label: 'CRM', icon: Workflow, minRole: 'seller' },
  { to: '/dashboards', label: 'Dashboards', icon: BarChart3, minRole: 'seller' },
  { to: '/auditoria', label: 'Auditoria', icon: ClipboardCheck, minRole: 'admin' },
  { to: '/assinatura', label: 'Assinatura', icon: CreditCard, minRole: 'admin' },
  { to: '/equipe', label: 'Equipe', icon: Users, minRole: 'admin' },
  { to: '/configuracoes', label: 'Configurações', icon: Settings, minRole: 'admin' },
];
