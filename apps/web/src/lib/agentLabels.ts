import type { AgentMode, HandoffReason, ModelProvider } from '@piloto/contracts';
import type { TraceStatus } from './queries/traceQueries.ts';

type Tone = 'default' | 'success' | 'warning' | 'danger' | 'info' | 'outline';

export const modeInfo: Record<AgentMode, { label: string; description: string }> = {
  piloto: {
    label: 'Piloto',
    description: 'A IA responde sozinha. Um humano entra quando quiser ou quando a IA transferir.',
  },
  copiloto: {
    label: 'Copiloto',
    description: 'A IA sugere a resposta no Inbox e o vendedor revisa, edita e envia.',
  },
};

export const handoffReasonLabels: Record<HandoffReason, string> = {
  lead_requested: 'Lead pediu humano',
  missing_knowledge: 'Falta conhecimento',
  negative_sentiment: 'Sentimento negativo',
  value_threshold: 'Valor alto',
  keyword: 'Palavra-chave',
  tool_failure: 'Falha de ferramenta',
  model_failure: 'Falha do modelo',
  out_of_hours: 'Fora do horário',
  no_model: 'Sem modelo configurado',
};

export const traceStatusInfo: Record<TraceStatus, { label: string; tone: Tone }> = {
  replied: { label: 'Respondeu', tone: 'success' },
  suggested: { label: 'Sugeriu', tone: 'info' },
  handoff: { label: 'Transferiu', tone: 'warning' },
  asked_human: { label: 'Perguntou ao humano', tone: 'info' },
  failed: { label: 'Falhou', tone: 'danger' },
  superseded: { label: 'Substituída', tone: 'outline' },
  skipped: { label: 'Ignorada', tone: 'default' },
};

export const providerLabels: Record<ModelProvider, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  gemini: 'Google Gemini',
  openai_compatible: 'Compatível com OpenAI',
};

/** The model providers plus ElevenLabs (voices only), as their keys are listed in Configurações › IA. */
export type KeyProvider = ModelProvider | 'elevenlabs';
export const keyProviderLabels: Record<KeyProvider, string> = { ...providerLabels, elevenlabs: 'ElevenLabs' };

/** Suggestions for the model name field (any name the provider accepts works). */
export const modelSuggestions: Record<ModelProvider, string[]> = {
  openai: ['gpt-4.1-mini', 'gpt-4.1', 'gpt-4o-mini', 'gpt-5-mini'],
  anthropic: ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1'],
  gemini: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-lite'],
  openai_compatible: ['llama3.1:8b', 'qwen2.5:14b', 'openai/gpt-4.1-mini'],
};

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const usd = new Intl.NumberFormat('pt-BR', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const integer = new Intl.NumberFormat('pt-BR');

export const formatReais = (cents: number) => brl.format(cents / 100);
/** Model cost, kept by the API in millionths of a dollar: "US$ 0,0012". */
export const formatUsdMicros = (micros: number) => usd.format(micros / 1_000_000);
export const formatCount = (value: number) => integer.format(value);
export const formatLatency = (ms: number) =>
  ms < 1000 ? `${ms} ms` : `${(ms / 1000).toLocaleString('pt-BR', { maximumFractionDigits: 1 })} s`;
