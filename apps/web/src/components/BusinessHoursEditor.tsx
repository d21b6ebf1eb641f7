import {
  type BusinessHours,
  businessHoursSchema,
  type DayHours,
  type Weekday,
  weekdays,
} from '@piloto/contracts';
import { Input } from '@/components/ui/input.tsx';
import { Switch } from '@/components/ui/switch.tsx';
import { cn } from '@/lib/cn.ts';

export const weekdayLabels: Record<Weekday, string> = {
  mon: 'Segunda-feira',
  tue: 'Terça-feira',
  wed: 'Quarta-feira',
  thu: 'Quinta-feira',
  fri: 'Sexta-feira',
  sat: 'Sábado',
  sun: 'Domingo',
};

/** Errors keyed "mon.end" (what the editor shows) from the contract's schema. */
export function validateBusinessHours(hours: BusinessHours): Record<string, string> {
  const parsed = businessHoursSchema.safeParse(hours);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Server field paths come as "businessHours.mon.end"; the editor wants "mon.end". */
export function businessHoursErrorsFrom(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    if (path.startsWith('businessHours.')) out[path.slice('businessHours.'.length)] = message;
  }
  return out;
}

type BusinessHoursEditorProps = {
  value: BusinessHours;
  onChange: (value: BusinessHours) => void;
  errors?: Record<string, string>;
  disabled?: boolean;
};

export function BusinessHoursEditor({ value, onChange, errors = {}, disabled }: BusinessHoursEditorProps) {
  const update = (day: Weekday, patch: Partial<DayHours>) =>
    onChange({ ...value, [day]: { ...value[day], ...patch } });

  return (
    <fieldset className="min-w-0" disabled={disabled}>
      <legend className="mb-1 text-sm font-medium text-slate-800">Horário de atendimento</legend>
      <p className="mb-3 text-xs text-slate-600">
        Fora desse horário, os agentes avisam quando a equipe volta e deixam o lead para o próximo turno.
      </p>
      <div className="divide-y rounded-lg border">
        {weekdays.map((day) => {
          const hours = value[day];
          const label = weekdayLabels[day];
          const dayError = errors[`${day}.end`] ?? errors[`${day}.start`] ?? errors[day];
          const errorId = dayError ? `hours-${day}-error` : undefined;
          return (
            <div key={day} className="px-3 py-2.5 sm:px-4">
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <div className="flex w-40 items-center gap-3">
                  <Switch
                    id={`hours-${day}-open`}
                    checked={hours.open}
                    onCheckedChange={(open) => update(day, { open })}
                  />
                  <label
                    htmlFor={`hours-${day}-open`}
                    className="text-sm font-medium text-slate-800 select-none"
                  >
                    {label}
                  </label>
                </div>
                {hours.open ? (
                  <div className="flex items-center gap-2">
                    <label htmlFor={`hours-${day}-start`} className="sr-only">
                      {`Abre às (${label})`}
                    </label>
                    <Input
                      id={`hours-${day}-start`}
                      type="time"
                      value={hours.start}
                      onChange={(e) => update(day, { start: e.target.value })}
                      className="w-28"
                      aria-invalid={dayError ? true : undefined}
                      aria-describedby={errorId}
                      required
                    />
                    <span className="text-sm text-slate-500" aria-hidden="true">
                      até
                    </span>
                    <label htmlFor={`hours-${day}-end`} className="sr-only">
                      {`Fecha às (${label})`}
                    </label>
                    <Input
                      id={`hours-${day}-end`}
                      type="time"
                      value={hours.end}
                      onChange={(e) => update(day, { end: e.target.value })}
                      className="w-28"
                      aria-invalid={dayError ? true : undefined}
                      aria-describedby={errorId}
                      required
                    />
                  </div>
                ) : (
                  <span className={cn('text-sm text-slate-500')}>Fechado</span>
                )}
              </div>
              {dayError && hours.open && (
                <p id={errorId} className="mt-1.5 text-xs font-medium text-red-700 sm:pl-44">
                  {dayError}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
