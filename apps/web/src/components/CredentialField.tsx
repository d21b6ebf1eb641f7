import type { ReactNode } from 'react';
import { FormField } from '@/components/FormField.tsx';
import { PasswordInput } from '@/components/PasswordInput.tsx';
import { Input } from '@/components/ui/input.tsx';

type CredentialFieldProps = {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Hidden while typing, with a show/hide toggle. */
  secret?: boolean;
  /** The stored value, masked ("••••a1b2"): shown as placeholder, and a blank field keeps it. */
  masked?: string | null;
  placeholder?: string;
  labelAside?: ReactNode;
  type?: 'text' | 'url';
};

/** An API key, token or URL to paste from a provider's panel (channels, AI keys). */
export function CredentialField({
  id,
  label,
  help,
  value,
  onChange,
  error,
  secret = false,
  masked,
  placeholder,
  labelAside,
  type = 'text',
}: CredentialFieldProps) {
  const keepHint = masked ? 'Deixe em branco para manter o atual.' : null;
  const hint =
    help && keepHint ? (
      <>
        {help} {keepHint}
      </>
    ) : (
      (help ?? keepHint ?? undefined)
    );
  return (
    <FormField id={id} label={label} hint={hint} error={error} labelAside={labelAside}>
      {(field) =>
        secret ? (
          <PasswordInput
            {...field}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            placeholder={masked ?? placeholder}
            autoComplete="off"
            spellCheck={false}
            revealLabels={['Mostrar valor', 'Ocultar valor']}
          />
        ) : (
          <Input
            {...field}
            type={type}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            placeholder={masked ?? placeholder}
            autoComplete="off"
            spellCheck={false}
          />
        )
      }
    </FormField>
  );
}
