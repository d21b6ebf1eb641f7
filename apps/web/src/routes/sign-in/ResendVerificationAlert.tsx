import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { authClient } from '@/lib/authClient.ts';
import { authErrorMessage } from '@/lib/authErrors.ts';

/** Sign-in refused because the e-mail is not confirmed yet: say so and offer a new link. */
export function ResendVerificationAlert({ email, callbackURL }: { email: string; callbackURL: string }) {
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState(false);
  const resend = async () => {
    setPending(true);
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL });
    setPending(false);
    if (error) {
      toast.error(authErrorMessage(error));
      return;
    }
    setSent(true);
    toast.success(`Enviamos um novo link para ${email}.`);
  };
  return (
    <Alert variant="warning" title="Confirme seu e-mail para entrar">
      <p>
        {sent
          ? `Link reenviado para ${email}. Confira a caixa de entrada e o spam.`
          : `Sua conta ainda não foi confirmada. Clique no link que enviamos para ${email}.`}
      </p>
      <Button variant="outline" size="sm" className="mt-3 bg-white" onClick={resend} loading={pending}>
        Reenviar e-mail de verificação
      </Button>
    </Alert>
  );
}
