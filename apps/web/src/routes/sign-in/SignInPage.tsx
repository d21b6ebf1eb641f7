import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/AuthLayout.tsx';
import { FormField } from '@/components/FormField.tsx';
import { GoogleSignInButton, OrDivider } from '@/components/GoogleSignInButton.tsx';
import { InputField } from '@/components/InputField.tsx';
import { PasswordInput } from '@/components/PasswordInput.tsx';
import { TextLink } from '@/components/TextLink.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { authClient } from '@/lib/authClient.ts';
import { authErrorMessage } from '@/lib/authErrors.ts';
import { useConfig } from '@/lib/queries/useConfig.ts';
import { useMe } from '@/lib/queries/useMe.ts';
import { meQueryKey } from '@/lib/queryKeys.ts';
import { safeRedirect } from '@/lib/safeRedirect.ts';
import { ResendVerificationAlert } from './ResendVerificationAlert.tsx';

const linkErrors: Record<string, string> = {
  INVALID_TOKEN: 'O link de confirmação é inválido ou já foi usado. Entre para receber um novo.',
  TOKEN_EXPIRED: 'O link de confirmação expirou. Entre para receber um novo.',
  access_denied: 'O login com o Google foi cancelado. Tente de novo ou entre com e-mail e senha.',
  unable_to_get_user_info: 'Não foi possível obter seus dados do Google. Tente de novo.',
};

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeRedirect(params.get('next'));
  const linkError = params.get('error');
  const me = useMe();
  const config = useConfig();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unverifiedEmail, setUnverifiedEmail] = useState<string | null>(null);

  if (me.data && !pending) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setUnverifiedEmail(null);
    const { error: signInError } = await authClient.signIn.email({ email: email.trim(), password });
    if (signInError) {
      setPending(false);
      if (signInError.code === 'EMAIL_NOT_VERIFIED') setUnverifiedEmail(email.trim());
      else setError(authErrorMessage(signInError));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: meQueryKey });
    navigate(next, { replace: true });
  };

  const signUpHref = params.get('next') ? `/cadastro?next=${encodeURIComponent(next)}` : '/cadastro';

  return (
    <AuthLayout
      title="Entrar"
      description="Acesse o painel da sua equipe de vendas."
      footer={
        <>
          Ainda não tem conta? <TextLink to={signUpHref}>Criar conta</TextLink>
        </>
      }
    >
      {linkError && !error && !unverifiedEmail && (
        <Alert variant="warning" className="mb-5">
          {linkErrors[linkError] ?? 'Não foi possível confirmar o link. Entre para continuar.'}
        </Alert>
      )}
      {config.data?.googleEnabled && (
        <>
          <GoogleSignInButton label="Entrar com Google" callbackURL={next} />
          <OrDivider />
        </>
      )}
      <form onSubmit={submit} className="grid gap-4" noValidate={false}>
        {error && <Alert variant="error">{error}</Alert>}
        {unverifiedEmail && (
          <ResendVerificationAlert
            email={unverifiedEmail}
            callbackURL={params.get('next') ? next : '/onboarding'}
          />
        )}
        <InputField
          id="email"
          label="E-mail"
          type="email"
          autoComplete="email"
          required
          value={email}
          onValueChange={setEmail}
        />
        <FormField
          id="password"
          label="Senha"
          labelAside={
            <TextLink to="/esqueci-senha" className="text-xs">
              Esqueci minha senha
            </TextLink>
          }
        >
          {(field) => (
            <PasswordInput
              {...field}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" className="mt-1 w-full" loading={pending}>
          Entrar
        </Button>
      </form>
    </AuthLayout>
  );
}
