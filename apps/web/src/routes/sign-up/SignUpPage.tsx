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
import { safeRedirect } from '@/lib/safeRedirect.ts';

type Errors = { name?: string; email?: string; password?: string };

function validate(name: string, email: string, password: string): Errors {
  const errors: Errors = {};
  if (name.trim().length < 2) errors.name = 'Informe seu nome.';
  if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.email = 'Informe um e-mail válido.';
  if (password.length < 8) errors.password = 'A senha precisa de pelo menos 8 caracteres.';
  return errors;
}

export function SignUpPage() {
  const [params] = useSearchParams();
  const next = params.get('next') ? safeRedirect(params.get('next')) : null;
  const me = useMe();
  const config = useConfig();
  const navigate = useNavigate();

  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<{ message: string; exists: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  if (me.data) return <Navigate to={next ?? '/'} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(name, email, password);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    const { error } = await authClient.signUp.email({
      name: name.trim(),
      email: email.trim(),
      password,
      callbackURL: next ?? '/onboarding',
    });
    setPending(false);
    if (error) {
      setFormError({
        message: authErrorMessage(error),
        exists: Boolean(error.code?.startsWith('USER_ALREADY_EXISTS')) || error.status === 422,
      });
      return;
    }
    navigate(`/verificar-email?${new URLSearchParams({ email: email.trim(), ...(next ? { next } : {}) })}`);
  };

  const signInHref = next ? `/entrar?next=${encodeURIComponent(next)}` : '/entrar';

  return (
    <AuthLayout
      title="Crie sua conta"
      description="Comece a vender mais no WhatsApp com agentes de IA."
      footer={
        <>
          Já tem conta? <TextLink to={signInHref}>Entrar</TextLink>
        </>
      }
    >
      {config.data?.googleEnabled && (
        <>
          <GoogleSignInButton label="Cadastrar com Google" callbackURL={next ?? '/'} />
          <OrDivider />
        </>
      )}
      <form onSubmit={submit} className="grid gap-4" noValidate>
        {formError && (
          <Alert variant="error">
            <p>{formError.message}</p>
            {formError.exists && (
              <p className="mt-1">
                <TextLink to={signInHref}>Entrar</TextLink> ou{' '}
                <TextLink to="/esqueci-senha">recuperar a senha</TextLink>
              </p>
            )}
          </Alert>
        )}
        <InputField
          id="name"
          label="Seu nome"
          error={errors.name}
          autoComplete="name"
          required
          value={name}
          onValueChange={setName}
        />
        <InputField
          id="email"
          label="E-mail de trabalho"
          error={errors.email}
          type="email"
          autoComplete="email"
          required
          value={email}
          onValueChange={setEmail}
        />
        <FormField id="password" label="Senha" error={errors.password} hint="Pelo menos 8 caracteres.">
          {(field) => (
            <PasswordInput
              {...field}
              autoComplete="new-password"
              required
              minLength={8}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" className="mt-1 w-full" loading={pending}>
          Criar conta
        </Button>
      </form>
    </AuthLayout>
  );
}
