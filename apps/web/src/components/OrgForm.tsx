import type { BusinessHours } from '@piloto/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  BusinessHoursEditor,
  businessHoursErrorsFrom,
  validateBusinessHours,
} from '@/components/BusinessHoursEditor.tsx';
import { FormField } from '@/components/FormField.tsx';
import { TimeZoneSelect } from '@/components/TimeZoneSelect.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Input } from '@/components/ui/input.tsx';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';

export type OrgFormValues = { name: string; timeZone: string; businessHours: BusinessHours };

type OrgFormProps = {
  initial: OrgFormValues;
  serverError: unknown;
  onSubmit: (values: OrgFormValues) => void;
  /** The submit button(s); rendered inside the form. */
  actions: ReactNode;
  disabled?: boolean;
};

/** Company name, time zone and business hours: the same fields in onboarding and in settings. */
export function OrgForm({ initial, serverError, onSubmit, actions, disabled }: OrgFormProps) {
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});

  const fields = serverError instanceof ApiError ? serverError.fields : {};
  const nameError = clientErrors.name ?? fields.name;
  const timeZoneError = fields.timeZone;
  const hoursErrors = businessHoursErrorsFrom(fields);
  const clientHoursErrors = Object.fromEntries(
    Object.entries(clientErrors).filter(([key]) => key !== 'name'),
  );
  const showFormError = serverError && Object.keys(fields).length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = validateBusinessHours(values.businessHours);
    if (values.name.trim().length < 2) errors.name = 'Informe o nome da empresa (mínimo 2 caracteres).';
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    onSubmit({ ...values, name: values.name.trim() });
  };

  return (
    <form onSubmit={submit} className="grid gap-6" noValidate>
      {showFormError ? <Alert variant="error">{errorMessage(serverError)}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="org-name" label="Nome da empresa" error={nameError}>
          {(field) => (
            <Input
              {...field}
              required
              maxLength={120}
              autoComplete="organization"
              value={values.name}
              disabled={disabled}
              onChange={(e) => setValues({ ...values, name: e.target.value })}
            />
          )}
        </FormField>
        <FormField
          id="org-time-zone"
          label="Fuso horário"
          error={timeZoneError}
          hint="Usado nos horários de atendimento e nos relatórios."
        >
          {(field) => (
            <TimeZoneSelect
              {...field}
              value={values.timeZone}
              disabled={disabled}
              onChange={(e) => setValues({ ...values, timeZone: e.target.value })}
            />
          )}
        </FormField>
      </div>
      <BusinessHoursEditor
        value={values.businessHours}
        onChange={(businessHours) => setValues({ ...values, businessHours })}
        errors={{ ...hoursErrors, ...clientHoursErrors }}
        disabled={disabled}
      />
      {actions}
    </form>
  );
}
