import type { ProviderKindName } from '@piloto/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { CredentialField } from '@/components/CredentialField.tsx';
import { FormField } from '@/components/FormField.tsx';
import { Input } from '@/components/ui/input.tsx';
import type { FieldErrors } from '@/lib/apiClient.ts';
import { providerInfo } from '@/lib/channelProviders.ts';

export type ChannelFormValues = {
  name: string;
  phoneNumber: string;
  dailySendLimit: string;
  credentials: Record<string, string>;
};

type ChannelFormProps = {
  id: string;
  provider: ProviderKindName;
  initial: ChannelFormValues;
  /** Edit mode: masked secrets shown as placeholders; a blank secret keeps the stored one. */
  preview?: Record<string, string>;
  errors: FieldErrors;
  onSubmit: (values: ChannelFormValues) => void;
  footer: ReactNode;
};

export const emptyChannelForm: ChannelFormValues = {
  name: '',
  phoneNumber: '',
  dailySendLimit: '',
  credentials: {},
};

/** Name, phone, the provider's credentials (with where to find each) and the daily limit. */
export function ChannelForm({ id, provider, initial, preview, errors, onSubmit, footer }: ChannelFormProps) {
  const [values, setValues] = useState(initial);
  const info = providerInfo[provider];
  const set = (patch: Partial<ChannelFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const setCredential = (key: string, value: string) =>
    setValues((v) => ({ ...v, credentials: { ...v.credentials, [key]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id={`${id}-name`}
          label="Nome do número"
          error={errors.name}
          hint="Ex.: Comercial, Suporte"
        >
          {(field) => (
            <Input
              {...field}
              value={values.name}
              onChange={(e) => set({ name: e.target.value })}
              autoComplete="off"
              required
            />
          )}
        </FormField>
        {provider !== 'sandbox' && (
          <FormField
            id={`${id}-phone`}
            label="Número (opcional)"
            error={errors.phoneNumber}
            hint="Com DDI e DDD, ex.: +55 11 98765-4321"
          >
            {(field) => (
              <Input
                {...field}
                type="tel"
                value={values.phoneNumber}
                onChange={(e) => set({ phoneNumber: e.target.value })}
                placeholder="+55 11 98765-4321"
              />
            )}
          </FormField>
        )}
      </div>

      {info.fields.length > 0 && (
        <fieldset className="grid gap-4 rounded-lg border bg-slate-50/60 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">Credenciais da {info.label}</legend>
          {info.fields.map((f) => (
            <CredentialField
              key={f.key}
              id={`${id}-${f.key}`}
              label={f.optional ? `${f.label} (opcional)` : f.label}
              help={f.help}
              secret={f.secret}
              masked={f.secret ? preview?.[f.key] : undefined}
              placeholder={f.placeholder}
              value={values.credentials[f.key] ?? ''}
              onChange={(value) => setCredential(f.key, value)}
              error={errors[`credentials.${f.key}`]}
            />
          ))}
        </fieldset>
      )}

      {info.hasDailyLimit && (
        <FormField
          id={`${id}-limit`}
          label="Limite diário de envios (opcional)"
          error={errors.dailySendLimit}
          hint="Quantas mensagens a automação pode enviar por dia deste número. Números novos: comece com 50–100 para evitar bloqueios."
        >
          {(field) => (
            <Input
              {...field}
              type="number"
              inputMode="numeric"
              min={1}
              className="sm:max-w-48"
              value={values.dailySendLimit}
              onChange={(e) => set({ dailySendLimit: e.target.value })}
              placeholder="Sem limite"
            />
          )}
        </FormField>
      )}
      {footer}
    </form>
  );
}
