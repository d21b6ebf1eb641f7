import type { ComponentProps, ReactNode } from 'react';
import { FormField } from '@/components/FormField.tsx';
import { Input } from '@/components/ui/input.tsx';

type InputProps = Omit<ComponentProps<typeof Input>, 'id' | 'value' | 'onChange'>;

/** A labelled text input with its hint and error; the common form field of the app. */
export function InputField({
  id,
  label,
  value,
  onValueChange,
  error,
  hint,
  ...input
}: InputProps & {
  id: string;
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
}) {
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      {(field) => (
        <Input {...input} {...field} value={value} onChange={(e) => onValueChange(e.target.value)} />
      )}
    </FormField>
  );
}
