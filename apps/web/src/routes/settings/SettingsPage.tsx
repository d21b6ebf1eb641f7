import { toast } from 'sonner';
import { OrgForm, type OrgFormValues } from '@/components/OrgForm.tsx';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useOrg, useUpdateOrg } from '@/lib/queries/orgQueries.ts';

export function SettingsPage() {
  const { orgId } = useCurrentOrg();
  const org = useOrg(orgId);
  const updateOrg = useUpdateOrg(orgId);

  const submit = (values: OrgFormValues) =>
    updateOrg.mutate(values, { onSuccess: () => toast.success('Configurações salvas.') });

  return (
    <>
      <PageHeader title="Configurações" description="Dados da empresa usados pelos agentes e pela equipe." />
      {org.isPending ? (
        <Card aria-busy="true">
          <CardContent className="grid gap-4 pt-6">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-64 w-full" />
          </CardContent>
        </Card>
      ) : org.isError ? (
        <QueryError error={org.error} onRetry={() => org.refetch()} />
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>Empresa</CardTitle>
            <CardDescription>Nome, fuso horário e horário de atendimento.</CardDescription>
          </CardHeader>
          <CardContent>
            <OrgForm
              key={org.dataUpdatedAt}
              initial={{
                name: org.data.name,
                timeZone: org.data.timeZone,
                businessHours: org.data.businessHours,
              }}
              serverError={updateOrg.error}
              onSubmit={submit}
              actions={
                <div className="flex justify-end border-t pt-5">
                  <Button type="submit" loading={updateOrg.isPending}>
                    Salvar alterações
                  </Button>
                </div>
              }
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}
