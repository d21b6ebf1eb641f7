import type { Member } from '@piloto/contracts';
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ConfirmDialog.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Avatar } from '@/components/ui/avatar.tsx';
import { Badge } from '@/components/ui/badge.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card.tsx';
import { NativeSelect } from '@/components/ui/select.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useMembers, useUpdateMember } from '@/lib/queries/teamQueries.ts';
import { useMe } from '@/lib/queries/useMe.ts';
import { RoleOptions } from './RoleOptions.tsx';

function StatusBadge({ member }: { member: Member }) {
  return member.status === 'active' ? <Badge variant="success">Ativo</Badge> : <Badge>Inativo</Badge>;
}

export function MembersCard() {
  const { orgId, orgName, role: actorRole } = useCurrentOrg();
  const me = useMe();
  const members = useMembers(orgId);
  const updateMember = useUpdateMember(orgId);
  const [toDeactivate, setToDeactivate] = useState<Member | null>(null);

  const update = (
    member: Member,
    body: { role?: Member['role']; status?: Member['status'] },
    success: string,
  ) =>
    updateMember.mutate(
      { memberId: member.id, body },
      {
        onSuccess: () => {
          toast.success(success);
          setToDeactivate(null);
        },
        onError: (error) => {
          toast.error(errorMessage(error));
          setToDeactivate(null);
        },
      },
    );

  const busyId = updateMember.isPending ? updateMember.variables?.memberId : undefined;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Membros</CardTitle>
        <CardDescription>
          Proprietários e administradores configuram a empresa; vendedores atendem conversas e o CRM.
        </CardDescription>
      </CardHeader>
      {members.isPending ? (
        <div className="grid gap-3 px-6 pb-6" aria-busy="true">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
      ) : members.isError ? (
        <div className="px-6 pb-6">
          <QueryError error={members.error} onRetry={() => members.refetch()} />
        </div>
      ) : (
        <Table aria-label="Membros da equipe">
          <TableHeader>
            <TableRow>
              <TableHead>Nome</TableHead>
              <TableHead className="hidden md:table-cell">E-mail</TableHead>
              <TableHead>Papel</TableHead>
              <TableHead className="hidden sm:table-cell">Situação</TableHead>
              <TableHead className="hidden text-right sm:table-cell">
                <span className="sr-only">Ações</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.data.map((member) => {
              const isSelf = member.userId === me.data?.user.id;
              const protectedOwner = member.role === 'owner' && actorRole !== 'owner';
              const locked = isSelf || protectedOwner;
              const busy = busyId === member.id;
              const action =
                member.status === 'active' ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={locked || busy}
                    aria-label={`Desativar ${member.name}`}
                    onClick={() => setToDeactivate(member)}
                  >
                    Desativar
                  </Button>
                ) : (
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={locked}
                    loading={busy}
                    aria-label={`Reativar ${member.name}`}
                    onClick={() => update(member, { status: 'active' }, `${member.name} foi reativado.`)}
                  >
                    Reativar
                  </Button>
                );
              return (
                <TableRow
                  key={member.id}
                  className={member.status === 'inactive' ? 'text-slate-500' : undefined}
                >
                  <TableCell>
                    <div className="flex min-w-0 max-w-[10rem] items-center gap-3 sm:max-w-none">
                      <Avatar name={member.name} image={member.image} />
                      <div className="min-w-0">
                        <p className="flex items-center gap-2 font-medium text-slate-900">
                          <span className="truncate">{member.name}</span>
                          {isSelf && <Badge variant="outline">Você</Badge>}
                        </p>
                        <p className="truncate text-xs text-slate-600 md:hidden">{member.email}</p>
                        <p className="mt-1 sm:hidden">
                          <StatusBadge member={member} />
                        </p>
                      </div>
                    </div>
                  </TableCell>
                  <TableCell className="hidden text-slate-700 md:table-cell">{member.email}</TableCell>
                  <TableCell>
                    <label htmlFor={`role-${member.id}`} className="sr-only">
                      {`Papel de ${member.name}`}
                    </label>
                    <NativeSelect
                      id={`role-${member.id}`}
                      className="w-32 sm:w-40"
                      value={member.role}
                      disabled={locked || busy}
                      title={
                        isSelf
                          ? 'Você não pode mudar o próprio papel'
                          : protectedOwner
                            ? 'Só proprietários alteram outros proprietários'
                            : undefined
                      }
                      onChange={(e) =>
                        update(
                          member,
                          { role: e.target.value as Member['role'] },
                          `Papel de ${member.name} atualizado.`,
                        )
                      }
                    >
                      <RoleOptions actorRole={actorRole} current={member.role} />
                    </NativeSelect>
                    <div className="mt-1 sm:hidden">{action}</div>
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    <StatusBadge member={member} />
                  </TableCell>
                  <TableCell className="hidden text-right sm:table-cell">{action}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <ConfirmDialog
        open={toDeactivate !== null}
        onOpenChange={(open) => !open && setToDeactivate(null)}
        title={`Desativar ${toDeactivate?.name ?? ''}?`}
        description={`A pessoa perde o acesso à ${orgName} na hora. O histórico dela fica guardado e você pode reativá-la depois.`}
        confirmLabel="Desativar"
        destructive
        loading={updateMember.isPending}
        onConfirm={() =>
          toDeactivate && update(toDeactivate, { status: 'inactive' }, `${toDeactivate.name} foi desativado.`)
        }
      />
    </Card>
  );
}
