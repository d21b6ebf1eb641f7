import type { ComponentProps } from 'react';
import { NativeSelect } from '@/components/ui/select.tsx';
import { timeZoneOptions } from '@/lib/timeZones.ts';

/** Brazil's zones first, then every other zone the browser knows. */
export function TimeZoneSelect(props: Omit<ComponentProps<typeof NativeSelect>, 'children'>) {
  const { brazil, others } = timeZoneOptions();
  const known = brazil.some((o) => o.value === props.value) || others.some((o) => o.value === props.value);
  return (
    <NativeSelect {...props}>
      {!known && typeof props.value === 'string' && <option value={props.value}>{props.value}</option>}
      <optgroup label="Brasil">
        {brazil.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </optgroup>
      <optgroup label="Outros fusos">
        {others.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </optgroup>
    </NativeSelect>
  );
}
