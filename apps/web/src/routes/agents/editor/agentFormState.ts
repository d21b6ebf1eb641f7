import { type Agent, type AgentConfig, agentConfigSchema } from '@piloto/contracts';
import type { FieldErrors } from '@/lib/apiClient.ts';
import { zodFieldErrors } from '@/lib/zodFieldErrors.ts';

export type AgentFormValues = AgentConfig;

/** What every editor section gets: the values, a way to change some, and errors keyed by path. */
export type SectionProps = {
  values: AgentFormValues;
  onChange: (patch: Partial<AgentFormValues>) => void;
  errors: FieldErrors;
};

const configKeys = Object.keys(agentConfigSchema.shape) as (keyof AgentConfig)[];

/** A new agent starts from the contract's defaults (BANT, copiloto, 5 s of debounce…). */
export function newAgentValues(): AgentFormValues {
  return { ...agentConfigSchema.omit({ name: true }).parse({}), name: '' };
}

/** Only the configuration of a saved agent (not its id, version or status). */
export function agentValues(agent: Agent): AgentFormValues {
  return Object.fromEntries(configKeys.map((key) => [key, agent[key]])) as AgentFormValues;
}

export function validateAgent(values: AgentFormValues): FieldErrors {
  const result = agentConfigSchema.safeParse(values);
  return result.success ? {} : zodFieldErrors(result.error);
}

/** The first error under a prefix ("qualificationFields.2" → any of that field's errors). */
export function errorUnder(errors: FieldErrors, prefix: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === prefix || k.startsWith(`${prefix}.`));
  return key ? errors[key] : undefined;
}

/** "5.000" / "5000,50" → 500000 cents; null when empty or not a number. */
export function parseReais(text: string): number | null {
  const clean = text.replace(/[R$\s.]/g, '').replace(',', '.');
  if (!clean) return null;
  const value = Number(clean);
  return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : null;
}

export function centsToReaisText(cents: number | null): string {
  if (cents == null) return '';
  return (cents / 100).toLocaleString('pt-BR', { maximumFractionDigits: 2 });
}
