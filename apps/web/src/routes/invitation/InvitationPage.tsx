import type { InvitationPreview, Membership } from '@piloto/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Building2, Loader2 } from 'lucide-react';
import { Link, useNavigate, useParams } from 'react-router';
import { toast } from 'sonner';
import { AuthLayout } from '@/components/AuthLayout.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { errorMessage, isApiError } from '@/lib/apiClient.ts';
import { storeOrgId } from '@/lib/currentOrg.tsx';
import { useAcceptInvitation, useInvitationPreview } from '@/lib/queries/invitationQueries.ts';
import { useSignOut } from '@/lib/queries/sessionQueries.ts';
import { useMe } from '@/lib/queries/useMe.ts';
import { meQueryKey } from '@/lib/queryKeys.ts';
import { roleDescriptions, roleLabels } from '@/lib/roleLabels.ts';
import { InvitationSignUpForm } from './InvitationSignUpForm.tsx';

const closedStates: Record<
  Exclude<InvitationPreview['status'], 'pending'>,
  { title: string; text: string }
> = {
  expired: {
    title: 'Este convite expirou',
    text: 'Peça a quem te convidou para enviar um novo convite.',
  },
  revoked: {
    title: 'Este convite foi cancelado',
    text: 'Quem te convidou cancelou este convite. Se foi engano, peça um novo.',
  },
  accepted: {
    title: 'Este convite já foi aceito',
    text: 'A empresa já aparece para quem entra com o e-mail convidado.',
  },
};

function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  return (
    <div className="mb-6 rounded-lg border bg-slate-50 p-4">
      <div className="flex items-center gap-3">
        <span
          className="flex size-10 items-center justify-center rounded-lg bg-slate-900 text-white"
          aria-hidden="true"
        >
          <Building2 className="size-5" />
        </span>
        <div className="min-w-0">
          <p className="truncate font-semibold text-slate-900">{preview.orgName}</p>
          <p className="text-sm text-slate-600">
            Papel: <span className="font-medium text-slate-800">{roleLabels[preview.role]}</span>
          </p>
        </div>
      </div>
      <p className="mt-3 text-xs text-slate-600">{roleDescriptions[preview.role]}</p>
      <dl className="mt-3 grid gap-0.5 border-t pt-3 text-sm">
        <dt className="text-xs text-slate-600">E-mail convidado</dt>
        <dd className="min-w-0 font-medium break-all text-slate-900">{preview.email}</dd>
      </dl>
    </div>
  );
}

export function InvitationPage() {
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const me = useMe();
  const accept = useAcceptInvitation(token);
  const signOut = useSignOut();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const invitePath = `/convite/${token}`;

  const enterOrg = async (membership: Membership) => {
    storeOrgId(membership.orgId);
    await queryClient.invalidateQueries({ queryKey: meQueryKey });
    toast.success(`Bem-vindo à equipe da ${membership.orgName}!`);
    navigate('/inbox', { replace: true });
  };

  if (preview.isPending || me.isPending) {
    return (
      <AuthLayout title="Convite">
        <div className="flex justify-center py-6" role="status">
          <Loader2 className="size-5 animate-spin text-brand-600" aria-hidden="true" />
          <span className="sr-only">Carregando convite…</span>
        </div>
      </AuthLayout>
    );
  }

  if (preview.isError) {
    // A malformed token is refused by validation (400); to the person it is just as "not found".
    if (isApiError(preview.error, 404) || isApiError(preview.error, 400)) {
      return (
        <AuthLayout title="Convite não encontrado">
          <p className="text-sm text-slate-600">
            O link pode estar incompleto ou o convite foi removido. Confira o endereço no e-mail ou peça um
            novo convite.
          </p>
          <Button asChild variant="outline" className="mt-6 w-full">
            <Link to="/">Ir para o início</Link>
          </Button>
        </AuthLayout>
      );
    }
    return (
      <AuthLayout title="Convite">
        <QueryError error={preview.error} onRetry={() => preview.refetch()} />
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  const user = me.data?.user;

  if (invitation.status !== 'pending') {
    const state = closedStates[invitation.status];
    return (
      <AuthLayout title={state.title}>
        <InvitationSummary preview={invitation} />
        <p className="text-sm text-slate-600">{state.text}</p>
        <Button asChild variant="outline" className="mt-6 w-full">
          <Link to={user ? '/' : '/entrar'}>{user ? 'Ir para o app' : 'Entrar'}</Link>
        </Button>
      </AuthLayout>
    );
  }

  const title = `Você foi convidado para a ${invitation.orgName}`;
  const description = invitation.invitedByName
    ? `${invitation.invitedByName} convidou você para a equipe no PilotoDeVendas.IA.`
    : 'Você foi convidado para a equipe no PilotoDeVendas.IA.';

  if (user) {
    const wrongEmail = user.email.toLowerCase() !== invitation.email.toLowerCase();
    const switchAccount = () =>
      signOut.mutate(undefined, {
        onSuccess: () =>
          navigate(`/entrar?next=${invitePath}&email=${encodeURIComponent(invitation.email)}`, {
            replace: true,
          }),
        onError: (error) => toast.error(errorMessage(error)),
      });
    return (
      <AuthLayout title={title} description={description}>
        <InvitationSummary preview={invitation} />
        {wrongEmail ? (
          <>
            <Alert variant="warning" title="Este convite é para outro e-mail">
              Você está conectado como <strong className="break-all">{user.email}</strong>, mas o convite foi
              enviado para <strong className="break-all">{invitation.email}</strong>. Saia e entre com o
              e-mail convidado.
            </Alert>
            <Button
              className="mt-5 h-auto min-h-9 w-full whitespace-normal"
              onClick={switchAccount}
              loading={signOut.isPending}
            >
              Sair e entrar com o e-mail convidado
            </Button>
          </>
        ) : (
          <>
            {accept.isError && (
              <Alert variant="error" className="mb-4">
                {errorMessage(accept.error)}
              </Alert>
            )}
            <Button
              className="w-full"
              loading={accept.isPending}
              onClick={() => accept.mutate(undefined, { onSuccess: enterOrg })}
            >
              Aceitar convite
            </Button>
          </>
        )}
      </AuthLayout>
    );
  }

  if (invitation.accountExists) {
    return (
      <AuthLayout title={title} description={description}>
        <InvitationSummary preview={invitation} />
        <p className="mb-4 text-sm text-slate-600">
          Você já tem uma conta com <strong className="break-all text-slate-900">{invitation.email}</strong>.
          Entre para aceitar o convite.
        </p>
        <Button asChild className="w-full">
          <Link to={`/entrar?next=${invitePath}&email=${encodeURIComponent(invitation.email)}`}>
            Entrar para aceitar
          </Link>
        </Button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={title} description={description}>
      <InvitationSummary preview={invitation} />
      <InvitationSignUpForm token={token} email={invitation.email} onJoined={enterOrg} />
    </AuthLayout>
  );
}
