import type { ProviderKindName } from '@piloto/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { FormField } from '@/components/FormField.tsx';
import { PasswordInput } from '@/components/PasswordInput.tsx';
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
          {info.fields.map((f) => {
            const fieldId = `${id}-${f.key}`;
            const masked = f.secret ? preview?.[f.key] : undefined;
            const label = f.optional ? `${f.label} (opcional)` : f.label;
            const hint = masked ? `${f.help} Deixe em branco para manter o atual.` : f.help;
            const Control = f.secret ? PasswordInput : Input;
            return (
              <FormField
                key={f.key}
                id={fieldId}
                label={label}
                hint={hint}
                error={errors[`credentials.${f.key}`]}
              >
                {(field) => (
                  <Control
                    {...field}
                    value={values.credentials[f.key] ?? ''}
                    onChange={(e) => setCredential(f.key, e.target.value)}
                    placeholder={masked ?? f.placeholder}
                    autoComplete="off"
                    spellCheck={false}
                    {...(f.secret
                      ? { revealLabels: ['Mostrar valor', 'Ocultar valor'] as [string, string] }
                      : {})}
                  />
                )}
              </FormField>
            );
          })}
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
