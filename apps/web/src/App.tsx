import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { HomeRedirect, RequireAuth, RequireOrg, RequireRole } from '@/components/RouteGuards.tsx';
import { AppShell } from '@/components/shell/AppShell.tsx';
import { AccountPage } from '@/routes/account/AccountPage.tsx';
import { AgentEditorPage } from '@/routes/agents/AgentEditorPage.tsx';
import { AgentsPage } from '@/routes/agents/AgentsPage.tsx';
import { TraceLogsPage } from '@/routes/agents/logs/TraceLogsPage.tsx';
import { TracePage } from '@/routes/agents/logs/TracePage.tsx';
import { AgentPlaygroundPage } from '@/routes/agents/playground/AgentPlaygroundPage.tsx';
import { AuditPage } from '@/routes/audit/AuditPage.tsx';
import { BillingPage } from '@/routes/billing/BillingPage.tsx';
import { ChannelsPage } from '@/routes/channels/ChannelsPage.tsx';
import { CrmPage } from '@/routes/crm/CrmPage.tsx';
import { DashboardsPage } from '@/routes/dashboards/DashboardsPage.tsx';
import { DevMailsPage } from '@/routes/dev-mails/DevMailsPage.tsx';
import { FollowUpsPage } from '@/routes/followups/FollowUpsPage.tsx';
import { ForgotPasswordPage } from '@/routes/forgot-password/ForgotPasswordPage.tsx';
import { InboxPage } from '@/routes/inbox/InboxPage.tsx';
import { QuestionsPage } from '@/routes/inbox/questions/QuestionsPage.tsx';
import { InvitationPage } from '@/routes/invitation/InvitationPage.tsx';
import { KnowledgePage } from '@/routes/knowledge/KnowledgePage.tsx';
import { NotFoundPage } from '@/routes/not-found/NotFoundPage.tsx';
import { OnboardingPage } from '@/routes/onboarding/OnboardingPage.tsx';
import { ResetPasswordPage } from '@/routes/reset-password/ResetPasswordPage.tsx';
import { SandboxPage } from '@/routes/sandbox/SandboxPage.tsx';
import { AiSettingsPage } from '@/routes/settings/AiSettingsPage.tsx';
import { SettingsPage } from '@/routes/settings/SettingsPage.tsx';
import { SignInPage } from '@/routes/sign-in/SignInPage.tsx';
import { SignUpPage } from '@/routes/sign-up/SignUpPage.tsx';
import { TeamPage } from '@/routes/team/TeamPage.tsx';
import { VerifyEmailPage } from '@/routes/verify-email/VerifyEmailPage.tsx';
import { VoicesPage } from '@/routes/voices/VoicesPage.tsx';

const router = createBrowserRouter([
  { path: '/', element: <HomeRedirect /> },
  // Public
  { path: '/entrar', element: <SignInPage /> },
  { path: '/cadastro', element: <SignUpPage /> },
  { path: '/verificar-email', element: <VerifyEmailPage /> },
  { path: '/esqueci-senha', element: <ForgotPasswordPage /> },
  { path: '/redefinir-senha', element: <ResetPasswordPage /> },
  { path: '/convite/:token', element: <InvitationPage /> },
  { path: '/dev/emails', element: <DevMailsPage /> },
  {
    element: <RequireAuth />,
    children: [
      { path: '/onboarding', element: <OnboardingPage /> },
      {
        element: <RequireOrg />,
        children: [
          // Full screen, opened in its own tab next to the inbox
          { path: '/sandbox/:channelId', element: <SandboxPage /> },
          {
            element: <AppShell />,
            children: [
              // Every member
              { path: '/inbox/perguntas', element: <QuestionsPage /> },
              { path: '/inbox/:conversationId?', element: <InboxPage />, handle: { fullBleed: true } },
              { path: '/follow-ups', element: <FollowUpsPage /> },
              { path: '/crm', element: <CrmPage /> },
              { path: '/dashboards', element: <DashboardsPage /> },
              { path: '/conta', element: <AccountPage /> },
              // Admins and owners
              {
                element: <RequireRole minRole="admin" />,
                children: [
                  { path: '/agentes', element: <AgentsPage /> },
                  { path: '/agentes/novo', element: <AgentEditorPage /> },
                  { path: '/agentes/logs', element: <TraceLogsPage /> },
                  { path: '/agentes/logs/:traceId', element: <TracePage /> },
                  { path: '/agentes/:agentId', element: <AgentEditorPage /> },
                  { path: '/agentes/:agentId/playground', element: <AgentPlaygroundPage /> },
                  { path: '/vozes', element: <VoicesPage /> },
                  { path: '/conhecimento', element: <KnowledgePage /> },
                  { path: '/canais', element: <ChannelsPage /> },
                  { path: '/auditoria', element: <AuditPage /> },
                  { path: '/assinatura', element: <BillingPage /> },
                  { path: '/equipe', element: <TeamPage /> },
                  { path: '/configuracoes', element: <SettingsPage /> },
                  { path: '/configuracoes/ia', element: <AiSettingsPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  { path: '/login', element: <Navigate to="/entrar" replace /> },
  { path: '*', element: <NotFoundPage /> },
]);

export function App() {
  return <RouterProvider router={router} />;
}
