import { defaultBusinessHours, defaultTimeZone } from '@piloto/contracts';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { AuthLayout } from '@/components/AuthLayout.tsx';
import { OrgForm, type OrgFormValues } from '@/components/OrgForm.tsx';
import { TextLink } from '@/components/TextLink.tsx';
import { Button } from '@/components/ui/button.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { storeOrgId } from '@/lib/currentOrg.tsx';
import { useCreateOrg } from '@/lib/queries/orgQueries.ts';
import { useSignOut } from '@/lib/queries/sessionQueries.ts';
import { useMe } from '@/lib/queries/useMe.ts';

const initial: OrgFormValues = { name: '', timeZone: defaultTimeZone, businessHours: defaultBusinessHours };

export function OnboardingPage() {
  const me = useMe();
  const createOrg = useCreateOrg();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const hasCompany = (me.data?.memberships.length ?? 0) > 0;
  const firstName = me.data?.user.name.split(' ')[0];

  const submit = (values: OrgFormValues) =>
    createOrg.mutate(values, {
      onSuccess: (org) => {
        storeOrgId(org.id);
        toast.success(`Empresa ${org.name} criada.`);
        navigate('/inbox', { replace: true });
      },
    });

  return (
    <AuthLayout
      wide
      title={
        hasCompany
          ? 'Criar nova empresa'
          : `Boas-vindas${firstName ? `, ${firstName}` : ''}! Vamos criar sua empresa`
      }
      description="Esses dados ajudam os agentes a responder no horário certo. Você pode mudar tudo depois em Configurações."
      footer={
        hasCompany ? (
          <TextLink to="/inbox">Voltar para o app</TextLink>
        ) : (
          <>
            Entrou com a conta errada?{' '}
            <button
              type="button"
              className="rounded-sm font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
              onClick={() =>
                signOut.mutate(undefined, {
                  onSuccess: () => navigate('/entrar', { replace: true }),
                  onError: (error) => toast.error(errorMessage(error)),
                })
              }
            >
              Sair
            </button>
          </>
        )
      }
    >
      <OrgForm
        initial={initial}
        serverError={createOrg.error}
        onSubmit={submit}
        actions={
          <Button
            type="submit"
            size="lg"
            className="w-full sm:ml-auto sm:w-auto"
            loading={createOrg.isPending}
          >
            Criar empresa
          </Button>
        }
      />
    </AuthLayout>
  );
}
