import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { FormField } from '@/components/FormField.tsx';
import { InputField } from '@/components/InputField.tsx';
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
import { Input } from '@/components/ui/input.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useUpdateProfile } from '@/lib/queries/sessionQueries.ts';
import { useMe } from '@/lib/queries/useMe.ts';

export function ProfileCard() {
  const me = useMe();
  const user = me.data?.user;
  const updateProfile = useUpdateProfile();
  const [name, setName] = useState(user?.name ?? '');
  const [nameError, setNameError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      setNameError('Informe seu nome.');
      return;
    }
    setNameError(undefined);
    updateProfile.mutate({ name: name.trim() }, { onSuccess: () => toast.success('Perfil atualizado.') });
  };

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <CardHeader>
          <CardTitle>Perfil</CardTitle>
          <CardDescription>Seu nome aparece para a equipe e nas conversas atribuídas a você.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          {updateProfile.isError && (
            <Alert variant="error" className="sm:col-span-2">
              {errorMessage(updateProfile.error)}
            </Alert>
          )}
          <InputField
            id="profile-name"
            label="Nome"
            error={nameError}
            autoComplete="name"
            required
            value={name}
            onValueChange={setName}
          />
          <FormField id="profile-email" label="E-mail" hint="O e-mail não pode ser alterado por aqui.">
            {(field) => <Input {...field} type="email" value={user?.email ?? ''} readOnly disabled />}
          </FormField>
        </CardContent>
        <CardFooter>
          <Button type="submit" loading={updateProfile.isPending} disabled={name.trim() === user?.name}>
            Salvar nome
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
