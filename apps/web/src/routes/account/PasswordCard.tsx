import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { PasswordField } from '@/components/PasswordField.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '@/components/ui/card.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { AuthActionError, useChangePassword } from '@/lib/queries/sessionQueries.ts';

type Errors = { current?: string; next?: string; confirmation?: string };

export function PasswordCard() {
  const changePassword = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [revokeOthers, setRevokeOthers] = useState(true);
  const [errors, setErrors] = useState<Errors>({});

  const wrongCurrent =
    changePassword.error instanceof AuthActionError && changePassword.error.code === 'INVALID_PASSWORD'
      ? changePassword.error.message
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!current) found.current = 'Informe a senha atual.';
    if (next.length < 8) found.next = 'A nova senha precisa de pelo menos 8 caracteres.';
    else if (next === current) found.next = 'A nova senha deve ser diferente da atual.';
    if (confirmation !== next) found.confirmation = 'As senhas não conferem.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    changePassword.mutate(
      { currentPassword: current, newPassword: next, revokeOtherSessions: revokeOthers },
      {
        onSuccess: () => {
          toast.success(
            revokeOthers ? 'Senha alterada. As outras sessões foram encerradas.' : 'Senha alterada.',
          );
          setCurrent('');
          setNext('');
          setConfirmation('');
        },
      },
    );
  };

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <CardHeader>
          <CardTitle>Senha</CardTitle>
          <CardDescription>
            Use pelo menos 8 caracteres. Evite repetir senhas de outros sites.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {changePassword.isError && !wrongCurrent && (
            <Alert variant="error">{errorMessage(changePassword.error)}</Alert>
          )}
          <div className="grid gap-4 sm:grid-cols-3">
            <PasswordField
              id="current-password"
              label="Senha atual"
              error={errors.current ?? wrongCurrent}
              autoComplete="current-password"
              value={current}
              onValueChange={setCurrent}
            />
            <PasswordField
              id="new-password"
              label="Nova senha"
              error={errors.next}
              autoComplete="new-password"
              value={next}
              onValueChange={setNext}
            />
            <PasswordField
              id="confirm-password"
              label="Confirme a nova senha"
              error={errors.confirmation}
              autoComplete="new-password"
              value={confirmation}
              onValueChange={setConfirmation}
            />
          </div>
          <div className="flex items-center gap-2">
            <input
              id="revoke-other-sessions"
              type="checkbox"
              checked={revokeOthers}
              onChange={(e) => setRevokeOthers(e.target.checked)}
              className="size-4 rounded border-input accent-brand-600"
            />
            <label htmlFor="revoke-other-sessions" className="text-sm text-slate-700">
              Encerrar as outras sessões
            </label>
          </div>
        </CardContent>
        <CardFooter>
          <Button type="submit" loading={changePassword.isPending}>
            Alterar senha
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
