import { hasRole, type Role } from '@piloto/contracts';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AccessDenied } from '@/components/AccessDenied.tsx';
import { FullPageLoader, QueryError } from '@/components/QueryStates.tsx';
import { CurrentOrgProvider, useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useMe } from '@/lib/queries/useMe.ts';

/** Signed-out people go to /entrar and come back afterwards (?next=). */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    return (
      <div className="mx-auto max-w-md p-6 pt-24">
        <QueryError error={me.error} onRetry={() => me.refetch()} />
      </div>
    );
  }
  if (!me.data) {
    const params = new URLSearchParams({ next: location.pathname + location.search });
    // better-auth sends a failed e-mail verification back to its callback with ?error=…
    const error = new URLSearchParams(location.search).get('error');
    if (error) params.set('error', error);
    return <Navigate to={`/entrar?${params}`} replace />;
  }
  return <Outlet />;
}

/** Inside the app a company is required: without one, create it first. */
export function RequireOrg() {
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  if (memberships.length === 0) return <Navigate to="/onboarding" replace />;
  return (
    <CurrentOrgProvider memberships={memberships}>
      <Outlet />
    </CurrentOrgProvider>
  );
}

/** Pages for admins show "Acesso restrito" to sellers (the API refuses them with 403 anyway). */
export function RequireRole({ minRole }: { minRole: Role }) {
  const { role } = useCurrentOrg();
  if (!hasRole(role, minRole)) return <AccessDenied />;
  return <Outlet />;
}

/** "/" sends each person to where they belong. */
export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    return (
      <div className="mx-auto max-w-md p-6 pt-24">
        <QueryError error={me.error} onRetry={() => me.refetch()} />
      </div>
    );
  }
  if (!me.data) return <Navigate to="/entrar" replace />;
  if (me.data.memberships.length === 0) return <Navigate to="/onboarding" replace />;
  return <Navigate to="/inbox" replace />;
}
