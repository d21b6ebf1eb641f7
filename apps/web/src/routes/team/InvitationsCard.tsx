import type { Invitation } from '@piloto/contracts';
import { MailPlus } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ConfirmDialog.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Badge } from '@/components/ui/badge.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatDateTime, formatRelative } from '@/lib/formatDate.ts';
import { useInvitations, useResendInvitation, useRevokeInvitation } from '@/lib/queries/teamQueries.ts';
import { roleLabels } from '@/lib/roleLabels.ts';

function isExpired(invitation: Invitation): boolean {
  return invitation.status === 'expired' || new Date(invitation.expiresAt).getTime() < Date.now();
}

export function InvitationsCard() {
  const { orgId } = useCurrentOrg();
  const invitations = useInvitations(orgId);
  const resend = useResendInvitation(orgId);
  const revoke = useRevokeInvitation(orgId);
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);

  // Accepted and revoked invitations are history; the list is about who has yet to join.
  const open = invitations.data?.filter((i) => i.status === 'pending' || i.status === 'expired') ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>Convites pendentes</CardTitle>
        <CardDescription>
          Convites valem por tempo limitado. Reenvie para gerar um novo prazo.
        </CardDescription>
      </CardHeader>
      {invitations.isPending ? (
        <div className="grid gap-3 px-6 pb-6" aria-busy="true">
          <Skeleton className="h-10" />
        </div>
      ) : invitations.isError ? (
        <div className="px-6 pb-6">
          <QueryError error={invitations.error} onRetry={() => invitations.refetch()} />
        </div>
      ) : open.length === 0 ? (
        <div className="mx-5 mb-5 flex flex-col items-center rounded-lg border border-dashed px-4 py-8 text-center sm:mx-6 sm:mb-6">
          <MailPlus className="mb-2 size-5 text-slate-500" aria-hidden="true" />
          <p className="text-sm font-medium text-slate-800">Nenhum convite pendente</p>
          <p className="mt-1 text-sm text-slate-600">
            Use “Convidar pessoa” para chamar alguém para a equipe.
          </p>
        </div>
      ) : (
        <Table aria-label="Convites pendentes">
          <TableHeader>
            <TableRow>
              <TableHead>E-mail</TableHead>
              <TableHead>Papel</TableHead>
              <TableHead className="hidden sm:table-cell">Expira</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">Ações</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {open.map((invitation) => {
              const expired = isExpired(invitation);
              return (
                <TableRow key={invitation.id}>
                  <TableCell>
                    <p className="max-w-[14rem] truncate font-medium text-slate-900 sm:max-w-none">
                      {invitation.email}
                    </p>
                    {invitation.invitedByName && (
                      <p className="text-xs text-slate-600">Convidado por {invitation.invitedByName}</p>
                    )}
                  </TableCell>
                  <TableCell className="text-slate-700">{roleLabels[invitation.role]}</TableCell>
                  <TableCell className="hidden sm:table-cell">
                    {expired ? (
                      <Badge variant="warning">Expirado</Badge>
                    ) : (
                      <time
                        dateTime={invitation.expiresAt}
                        title={formatDateTime(invitation.expiresAt)}
                        className="text-slate-700"
                      >
                        {formatRelative(invitation.expiresAt)}
                      </time>
                    )}
                  </TableCell>
                  <TableCell>
                    <div className="flex justify-end gap-1">
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Reenviar convite para ${invitation.email}`}
                        loading={resend.isPending && resend.variables === invitation.id}
                        onClick={() =>
                          resend.mutate(invitation.id, {
                            onSuccess: () => toast.success(`Convite reenviado para ${invitation.email}.`),
                            onError: (error) => toast.error(errorMessage(error)),
                          })
                        }
                      >
                        Reenviar
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-red-700 hover:bg-red-50 hover:text-red-800"
                        aria-label={`Revogar convite para ${invitation.email}`}
                        onClick={() => setToRevoke(invitation)}
                      >
                        Revogar
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <ConfirmDialog
        open={toRevoke !== null}
        onOpenChange={(isOpen) => !isOpen && setToRevoke(null)}
        title="Revogar convite?"
        description={`O link enviado para ${toRevoke?.email ?? ''} deixa de funcionar.`}
        confirmLabel="Revogar convite"
        destructive
        loading={revoke.isPending}
        onConfirm={() =>
          toRevoke &&
          revoke.mutate(toRevoke.id, {
            onSuccess: () => toast.success(`Convite para ${toRevoke.email} revogado.`),
            onError: (error) => toast.error(errorMessage(error)),
            onSettled: () => setToRevoke(null),
          })
        }
      />
    </Card>
  );
}
