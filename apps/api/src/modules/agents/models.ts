import { ChatAnthropic } from '@langchain/anthropic';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { ChatOpenAI } from '@langchain/openai';
import type { ModelChoice, ModelProvider } from '@piloto/contracts';
import type { Config } from '../../config.ts';

/** A company's keys (decrypted) — each falls back to the server's environment. */
export type AiKeys = {
  openaiApiKey?: string | null;
  anthropicApiKey?: string | null;
  geminiApiKey?: string | null;
  compatibleBaseUrl?: string | null;
  compatibleApiKey?: string | null;
  elevenlabsApiKey?: string | null;
};

export type ResolvedProvider = {
  apiKey: string | null;
  baseUrl: string | null;
  fromEnvironment: boolean;
  configured: boolean;
};

export function resolveProvider(provider: ModelProvider, keys: AiKeys, config: Config): ResolvedProvider {
  const pick = (own: string | null | undefined, env: string | undefined) => ({
    apiKey: own || env || null,
    configured: Boolean(own),
    fromEnvironment: Boolean(env),
  });
  switch (provider) {
    case 'openai':
      return { ...pick(keys.openaiApiKey, config.OPENAI_API_KEY), baseUrl: config.OPENAI_BASE_URL };
    case 'anthropic':
      return {
        ...pick(keys.anthropicApiKey, config.ANTHROPIC_API_KEY),
        baseUrl: config.ANTHROPIC_BASE_URL ?? null,
      };
    case 'gemini':
      return { ...pick(keys.geminiApiKey, config.GEMINI_API_KEY), baseUrl: config.GEMINI_BASE_URL ?? null };
    case 'openai_compatible': {
      const baseUrl = keys.compatibleBaseUrl || config.OPENAI_COMPATIBLE_BASE_URL || null;
      // Ollama and vLLM often run without a key; the client still needs a non-empty string.
      return {
        apiKey: baseUrl ? keys.compatibleApiKey || config.OPENAI_COMPATIBLE_API_KEY || 'sem-chave' : null,
        baseUrl,
        configured: Boolean(keys.compatibleBaseUrl),
        fromEnvironment: Boolean(config.OPENAI_COMPATIBLE_BASE_URL),
      };
    }
  }
}

/** Why this model cannot be used (pt-BR), or null. */
export function modelProblem(choice: ModelChoice | null, keys: AiKeys, config: Config): string | null {
  if (!choice) return 'Escolha um modelo de IA para o agente. Sem modelo, as conversas vão para a equipe.';
  const resolved = resolveProvider(choice.provider, keys, config);
  if (!resolved.apiKey || (choice.provider === 'openai_compatible' && !resolved.baseUrl)) {
    return `Configure a chave de ${providerLabels[choice.provider]} em Configurações › IA. Sem ela, as conversas vão para a equipe.`;
  }
  return null;
}

export const providerLabels: Record<ModelProvider, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  gemini: 'Google Gemini',
  openai_compatible: 'endpoint compatível com OpenAI',
};

export type ChatModelFactory = (choice: ModelChoice, keys: AiKeys) => BaseChatModel;

/** Clients kept per process (model + key + endpoint): a turn reuses its warm connections. */
const MAX_CACHED_CLIENTS = 200;

/** One client per (provider, model, key, endpoint), the oldest dropped past MAX_CACHED_CLIENTS. */
export function createClientCache<T>() {
  const cache = new Map<string, T>();
  return (parts: Array<string | null>, create: () => T): T => {
    const key = JSON.stringify(parts);
    let client = cache.get(key);
    if (!client) {
      if (cache.size >= MAX_CACHED_CLIENTS) cache.delete(cache.keys().next().value!);
      client = create();
      cache.set(key, client);
    }
    return client;
  };
}

/** The provider factory: OpenAI, Anthropic, Gemini or any OpenAI-compatible endpoint, base URLs configurable. */
export function createChatModelFactory(config: Config): ChatModelFactory {
  const cached = createClientCache<BaseChatModel>();
  return (choice, keys) => {
    const { apiKey, baseUrl } = resolveProvider(choice.provider, keys, config);
    return cached([choice.provider, choice.name, apiKey, baseUrl], () =>
      createChatModel(choice, apiKey, baseUrl, config),
    );
  };
}

function createChatModel(
  choice: ModelChoice,
  apiKey: string | null,
  baseUrl: string | null,
  config: Config,
): BaseChatModel {
  const common = { temperature: 0.3, maxRetries: 2, timeout: config.AI_TIMEOUT_MS };
  switch (choice.provider) {
    case 'openai':
    case 'openai_compatible':
      return new ChatOpenAI({
        ...common,
        model: choice.name,
        apiKey: apiKey ?? '',
        configuration: { baseURL: baseUrl ?? undefined },
      });
    case 'anthropic':
      return new ChatAnthropic({
        ...common,
        model: choice.name,
        apiKey: apiKey ?? '',
        clientOptions: baseUrl ? { baseURL: baseUrl } : {},
      });
    case 'gemini':
      return new ChatGoogleGenerativeAI({
        ...common,
        model: choice.name,
        apiKey: apiKey ?? '',
        baseUrl: baseUrl ?? undefined,
      });
  }
}
