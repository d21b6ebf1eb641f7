import { Library } from 'lucide-react';
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
import { openAiStockVoices, useAddStockVoice } from '@/lib/queries/voiceQueries.ts';

const capitalize = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** "Usar voz pronta": one of OpenAI's voices, no recordings or consent needed. */
export function StockVoiceDialog() {
  const { orgId } = useCurrentOrg();
  const add = useAddStockVoice(orgId);
  const [open, setOpen] = useState(false);
  const [voiceId, setVoiceId] = useState<string>('nova');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();

  const fields = add.error instanceof ApiError ? add.error.fields : {};
  const formError = add.isError && Object.keys(fields).length === 0 ? errorMessage(add.error) : null;
  const reset = () => {
    setVoiceId('nova');
    setName('');
    setNameError(undefined);
    add.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const finalName = name.trim() || `OpenAI ${capitalize(voiceId)}`;
    if (finalName.length < 2) return setNameError('Dê um nome à voz');
    add.mutate(
      { name: finalName, providerVoiceId: voiceId },
      {
        onSuccess: (voice) => {
          toast.success(`${voice.name} adicionada.`);
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
        <Button variant="outline">
          <Library aria-hidden="true" />
          Usar voz pronta
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogForm
          title="Usar voz pronta"
          description="Uma das vozes da OpenAI, sem gravar nada. Depois de adicionar, ouça como ela fala em português."
          error={formError}
          submitLabel="Adicionar voz"
          pending={add.isPending}
          onSubmit={submit}
        >
          <FormField id="stock-voice" label="Voz" error={fields.providerVoiceId}>
            {(field) => (
              <NativeSelect {...field} value={voiceId} onChange={(e) => setVoiceId(e.target.value)}>
                {openAiStockVoices.map((id) => (
                  <option key={id} value={id}>
                    {capitalize(id)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <InputField
            id="stock-voice-name"
            label="Nome da voz"
            hint="Como ela aparece para escolher no agente."
            placeholder={`OpenAI ${capitalize(voiceId)}`}
            maxLength={80}
            value={name}
            onValueChange={(value) => {
              setName(value);
              setNameError(undefined);
            }}
            error={nameError ?? fields.name}
          />
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}
