import type { Membership } from '@piloto/contracts';
import { type FormEvent, useState } from 'react';
import { FormField } from '@/components/FormField.tsx';
import { InputField } from '@/components/InputField.tsx';
import { PasswordField } from '@/components/PasswordField.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Input } from '@/components/ui/input.tsx';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';
import { useInvitationSignUp } from '@/lib/queries/invitationQueries.ts';

type Errors = { name?: string; password?: string };

/** New people create their account right here; the invite link already proves the e-mail. */
export function InvitationSignUpForm({
  token,
  email,
  onJoined,
}: {
  token: string;
  email: string;
  onJoined: (membership: Membership) => void;
}) {
  const signUp = useInvitationSignUp(token);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const serverFields = signUp.error instanceof ApiError ? signUp.error.fields : {};
  const nameError = errors.name ?? serverFields.name;
  const passwordError = errors.password ?? serverFields.password;
  const formError =
    signUp.isError && !serverFields.name && !serverFields.password ? errorMessage(signUp.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (name.trim().length < 2) found.name = 'Informe seu nome.';
    if (password.length < 8) found.password = 'A senha precisa de pelo menos 8 caracteres.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    signUp.mutate({ name: name.trim(), password }, { onSuccess: onJoined });
  };

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      <p className="text-sm text-slate-600">Crie sua conta para entrar na equipe.</p>
      {formError && <Alert variant="error">{formError}</Alert>}
      <FormField id="invite-email" label="E-mail">
        {(field) => <Input {...field} type="email" value={email} readOnly disabled />}
      </FormField>
      <InputField
        id="invite-name"
        label="Seu nome"
        error={nameError}
        autoComplete="name"
        required
        value={name}
        onValueChange={setName}
      />
      <PasswordField
        id="invite-password"
        label="Crie uma senha"
        error={passwordError}
        hint="Pelo menos 8 caracteres."
        autoComplete="new-password"
        required
        value={password}
        onValueChange={setPassword}
      />
      <Button type="submit" className="w-full" loading={signUp.isPending}>
        Criar conta e aceitar convite
      </Button>
    </form>
  );
}
