import { MailCheck } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { AuthLayout } from '@/components/AuthLayout.tsx';
import { DevMailboxLink } from '@/components/DevMailboxLink.tsx';
import { InputField } from '@/components/InputField.tsx';
import { TextLink } from '@/components/TextLink.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { authClient } from '@/lib/authClient.ts';
import { authErrorMessage } from '@/lib/authErrors.ts';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const { error: requestError } = await authClient.requestPasswordReset({
      email: email.trim(),
      redirectTo: '/redefinir-senha',
    });
    setPending(false);
    if (requestError) setError(authErrorMessage(requestError));
    else setSentTo(email.trim());
  };

  return (
    <AuthLayout
      title="Esqueceu sua senha?"
      description={sentTo ? undefined : 'Informe seu e-mail e enviaremos um link para criar uma nova senha.'}
      footer={
        <>
          Lembrou? <TextLink to="/entrar">Voltar para entrar</TextLink>
        </>
      }
    >
      {sentTo ? (
        <div
          className="flex gap-3 rounded-lg bg-brand-50 p-4 text-sm text-brand-900 ring-1 ring-brand-100"
          role="status"
        >
          <MailCheck className="mt-0.5 size-5 shrink-0 text-brand-700" aria-hidden="true" />
          <p>
            Se existir uma conta para <strong className="font-semibold break-all">{sentTo}</strong>, você vai
            receber um link para redefinir a senha em alguns minutos. Confira também o spam.
          </p>
        </div>
      ) : (
        <form onSubmit={submit} className="grid gap-4">
          {error && <Alert variant="error">{error}</Alert>}
          <InputField
            id="email"
            label="E-mail"
            type="email"
            autoComplete="email"
            required
            value={email}
            onValueChange={setEmail}
          />
          <Button type="submit" className="w-full" loading={pending}>
            Enviar link
          </Button>
        </form>
      )}
      <DevMailboxLink />
    </AuthLayout>
  );
}
