import { defaultTimeZone } from '@piloto/contracts';

/** Brazil's zones, most used first, with the cities people recognise. */
const brazilianZones: [string, string][] = [
  ['America/Sao_Paulo', 'Brasília / São Paulo'],
  ['America/Manaus', 'Manaus / Amazonas'],
  ['America/Cuiaba', 'Cuiabá / Mato Grosso'],
  ['America/Campo_Grande', 'Campo Grande / Mato Grosso do Sul'],
  ['America/Porto_Velho', 'Porto Velho / Rondônia'],
  ['America/Boa_Vista', 'Boa Vista / Roraima'],
  ['America/Rio_Branco', 'Rio Branco / Acre'],
  ['America/Belem', 'Belém / Pará e Amapá'],
  ['America/Santarem', 'Santarém / oeste do Pará'],
  ['America/Fortaleza', 'Fortaleza / Ceará'],
  ['America/Recife', 'Recife / Pernambuco'],
  ['America/Bahia', 'Salvador / Bahia'],
  ['America/Maceio', 'Maceió / Alagoas e Sergipe'],
  ['America/Araguaina', 'Araguaína / Tocantins'],
  ['America/Noronha', 'Fernando de Noronha'],
  ['America/Eirunepe', 'Eirunepé / oeste do Amazonas'],
];

export type TimeZoneOption = { value: string; label: string };

function offsetOf(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts();
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

function withOffset(label: string, timeZone: string): string {
  const offset = offsetOf(timeZone);
  return offset ? `${label} (${offset})` : label;
}

let cached: { brazil: TimeZoneOption[]; others: TimeZoneOption[] } | null = null;

export function timeZoneOptions(): { brazil: TimeZoneOption[]; others: TimeZoneOption[] } {
  if (cached) return cached;
  const supported: string[] =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [defaultTimeZone];
  const brazilSet = new Set(brazilianZones.map(([tz]) => tz));
  const brazil = brazilianZones.map(([value, label]) => ({ value, label: withOffset(label, value) }));
  const others = supported
    .filter((tz) => !brazilSet.has(tz))
    .map((value) => ({ value, label: withOffset(value.replaceAll('_', ' '), value) }));
  cached = { brazil, others };
  return cached;
}

export { defaultTimeZone };
