import type { ReactNode } from 'react';
import { FormField } from '@/components/FormField.tsx';
import { PasswordInput } from '@/components/PasswordInput.tsx';

/** A labelled password input with its hint and error (sign-in, sign-up, reset, invitation, account). */
export function PasswordField({
  id,
  label,
  value,
  onValueChange,
  error,
  hint,
  autoComplete,
  required,
  labelAside,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  autoComplete: 'current-password' | 'new-password';
  required?: boolean;
  labelAside?: ReactNode;
}) {
  return (
    <FormField id={id} label={label} error={error} hint={hint} labelAside={labelAside}>
      {(field) => (
        <PasswordInput
          {...field}
          autoComplete={autoComplete}
          required={required}
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
        />
      )}
    </FormField>
  );
}
