import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { AuthLayout } from '@/components/AuthLayout.tsx';
import { PasswordField } from '@/components/PasswordField.tsx';
import { TextLink } from '@/components/TextLink.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { authClient } from '@/lib/authClient.ts';
import { authErrorMessage } from '@/lib/authErrors.ts';

/** better-auth redirects here with ?token=… (or ?error=INVALID_TOKEN when the link is bad). */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const linkError = params.get('error');
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (linkError || !token) {
    return (
      <AuthLayout title="Link inválido ou expirado">
        <Alert variant="error">
          Este link para redefinir a senha não é mais válido. Os links valem por pouco tempo e só podem ser
          usados uma vez.
        </Alert>
        <Button asChild className="mt-5 w-full">
          <Link to="/esqueci-senha">Pedir um novo link</Link>
        </Button>
      </AuthLayout>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (password.length < 8) found.password = 'A senha precisa de pelo menos 8 caracteres.';
    if (confirmation !== password) found.confirmation = 'As senhas não conferem.';
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    const { error } = await authClient.resetPassword({ newPassword: password, token });
    setPending(false);
    if (error) {
      setFormError(authErrorMessage(error));
      return;
    }
    toast.success('Senha redefinida. Entre com a nova senha.');
    navigate('/entrar', { replace: true });
  };

  return (
    <AuthLayout
      title="Crie uma nova senha"
      description="Escolha uma senha com pelo menos 8 caracteres."
      footer={<TextLink to="/entrar">Voltar para entrar</TextLink>}
    >
      <form onSubmit={submit} className="grid gap-4" noValidate>
        {formError && (
          <Alert variant="error">
            <p>{formError}</p>
            <p className="mt-1">
              <TextLink to="/esqueci-senha">Pedir um novo link</TextLink>
            </p>
          </Alert>
        )}
        <PasswordField
          id="new-password"
          label="Nova senha"
          error={errors.password}
          autoComplete="new-password"
          required
          value={password}
          onValueChange={setPassword}
        />
        <PasswordField
          id="confirm-password"
          label="Confirme a nova senha"
          error={errors.confirmation}
          autoComplete="new-password"
          required
          value={confirmation}
          onValueChange={setConfirmation}
        />
        <Button type="submit" className="w-full" loading={pending}>
          Salvar nova senha
        </Button>
      </form>
    </AuthLayout>
  );
}
