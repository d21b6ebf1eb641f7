import type { Role } from '@piloto/contracts';
import { UserPlus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { DialogForm } from '@/components/DialogForm.tsx';
import { FormField } from '@/components/FormField.tsx';
import { InputField } from '@/components/InputField.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog.tsx';
import { NativeSelect } from '@/components/ui/select.tsx';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useCreateInvitation } from '@/lib/queries/teamQueries.ts';
import { roleDescriptions } from '@/lib/roleLabels.ts';
import { RoleOptions } from './RoleOptions.tsx';

export function InviteDialog() {
  const { orgId, orgName, role: actorRole } = useCurrentOrg();
  const createInvitation = useCreateInvitation(orgId);
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('seller');
  const [emailError, setEmailError] = useState<string | undefined>();

  const reset = () => {
    setEmail('');
    setRole('seller');
    setEmailError(undefined);
    createInvitation.reset();
  };

  const fields = createInvitation.error instanceof ApiError ? createInvitation.error.fields : {};
  const formError =
    createInvitation.isError && Object.keys(fields).length === 0
      ? errorMessage(createInvitation.error)
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    if (!/^\S+@\S+\.\S+$/.test(trimmed)) {
      setEmailError('Informe um e-mail válido.');
      return;
    }
    setEmailError(undefined);
    createInvitation.mutate(
      { email: trimmed, role },
      {
        onSuccess: () => {
          toast.success(`Convite enviado para ${trimmed}.`);
          setOpen(false);
          reset();
        },
      },
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden="true" />
          Convidar pessoa
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogForm
          title="Convidar pessoa"
          description={`Enviaremos um e-mail com o link para entrar na ${orgName}.`}
          error={formError}
          submitLabel="Enviar convite"
          pending={createInvitation.isPending}
          onSubmit={submit}
        >
          <InputField
            id="invite-email"
            label="E-mail"
            error={emailError ?? fields.email}
            type="email"
            autoComplete="off"
            placeholder="nome@empresa.com.br"
            required
            value={email}
            onValueChange={setEmail}
          />
          <FormField id="invite-role" label="Papel" error={fields.role} hint={roleDescriptions[role]}>
            {(field) => (
              <NativeSelect {...field} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                <RoleOptions actorRole={actorRole} />
              </NativeSelect>
            )}
          </FormField>
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}
