import { MailCheck } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { AuthLayout } from '@/components/AuthLayout.tsx';
import { DevMailboxLink } from '@/components/DevMailboxLink.tsx';
import { InputField } from '@/components/InputField.tsx';
import { TextLink } from '@/components/TextLink.tsx';
import { Button } from '@/components/ui/button.tsx';
import { authClient } from '@/lib/authClient.ts';
import { authErrorMessage } from '@/lib/authErrors.ts';
import { safeRedirect } from '@/lib/safeRedirect.ts';

const resendCooldownSeconds = 30;

/** After sign-up there is no session until the link in the e-mail is clicked. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const next = params.get('next') ? safeRedirect(params.get('next')) : '/onboarding';
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [pending, setPending] = useState(false);
  const [cooldown, setCooldown] = useState(0);

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = window.setTimeout(() => setCooldown((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [cooldown]);

  const resend = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    const { error } = await authClient.sendVerificationEmail({ email: email.trim(), callbackURL: next });
    setPending(false);
    if (error) {
      toast.error(authErrorMessage(error));
      return;
    }
    setCooldown(resendCooldownSeconds);
    toast.success(`Enviamos um novo link para ${email.trim()}.`);
  };

  const knownEmail = params.get('email');
  return (
    <AuthLayout
      title="Confira seu e-mail"
      footer={
        <>
          Já confirmou? <TextLink to="/entrar">Entrar</TextLink>
        </>
      }
    >
      <div className="mb-5 flex gap-3 rounded-lg bg-brand-50 p-4 text-sm text-brand-900 ring-1 ring-brand-100">
        <MailCheck className="mt-0.5 size-5 shrink-0 text-brand-700" aria-hidden="true" />
        <p>
          {knownEmail ? (
            <>
              Enviamos um link de confirmação para{' '}
              <strong className="font-semibold break-all">{knownEmail}</strong>.
            </>
          ) : (
            'Enviamos um link de confirmação para o seu e-mail.'
          )}{' '}
          Clique nele para ativar sua conta e continuar.
        </p>
      </div>
      <p className="mb-4 text-sm text-slate-600">Não chegou? Confira o spam ou peça um novo link.</p>
      <form onSubmit={resend} className="grid gap-3">
        {!knownEmail && (
          <InputField
            id="email"
            label="E-mail"
            type="email"
            required
            value={email}
            onValueChange={setEmail}
          />
        )}
        <Button type="submit" variant="outline" loading={pending} disabled={cooldown > 0 || !email.trim()}>
          {cooldown > 0 ? `Reenviar em ${cooldown}s` : 'Reenviar e-mail de verificação'}
        </Button>
      </form>
      <DevMailboxLink />
    </AuthLayout>
  );
}
