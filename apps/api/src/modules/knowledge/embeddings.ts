import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { GoogleGenerativeAIEmbeddings } from '@langchain/google-genai';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { AiTaskModels } from '@piloto/contracts';
import type { Config } from '../../config.ts';
import { EMBEDDING_DIMENSIONS } from '../../db/schema/index.ts';
import { type AiKeys, createClientCache, resolveProvider } from '../agents/models.ts';

/** Turns texts into vectors of EMBEDDING_DIMENSIONS; `model` names it ("openai:text-embedding-3-small"). */
export type Embedder = { model: string; embed(texts: string[]): Promise<number[][]> };

export type EmbedderFactory = (choice: AiTaskModels['embeddings'], keys: AiKeys) => Embedder | null;

/** The company's embedding model, or null (no model or no key): search is then full-text only. */
export function createEmbedderFactory(config: Config): EmbedderFactory {
  const cached = createClientCache<Embedder>();
  return (choice, keys) => {
    if (!choice) return null;
    const { apiKey, baseUrl } = resolveProvider(choice.provider, keys, config);
    if (!apiKey) return null;
    return cached([choice.provider, choice.name, apiKey, baseUrl], () =>
      createEmbedder(choice, apiKey, baseUrl, config),
    );
  };
}

function createEmbedder(
  choice: NonNullable<AiTaskModels['embeddings']>,
  apiKey: string,
  baseUrl: string | null,
  config: Config,
): Embedder {
  let client: EmbeddingsInterface;
  switch (choice.provider) {
    case 'openai':
    case 'openai_compatible':
      client = new OpenAIEmbeddings({
        model: choice.name,
        apiKey,
        configuration: { baseURL: baseUrl ?? undefined },
        // text-embedding-3 can shorten its vectors; other models keep theirs and are padded below.
        dimensions: choice.name.startsWith('text-embedding-3') ? EMBEDDING_DIMENSIONS : undefined,
        batchSize: 64,
        maxRetries: 2,
        timeout: config.AI_TIMEOUT_MS,
      });
      break;
    case 'gemini':
      client = new GoogleGenerativeAIEmbeddings({
        model: choice.name,
        apiKey,
        baseUrl: baseUrl ?? undefined,
        maxRetries: 2,
      });
      break;
  }
  return {
    model: `${choice.provider}:${choice.name}`,
    async embed(texts) {
      if (!texts.length) return [];
      return (await client.embedDocuments(texts)).map(toStoredWidth);
    },
  };
}

/** Zero padding keeps cosine distances; wider vectors cannot be stored. */
export function toStoredWidth(vector: number[]): number[] {
  if (vector.length > EMBEDDING_DIMENSIONS) {
    throw new Error(
      `O modelo de embeddings gera ${vector.length} dimensões; o máximo suportado é ${EMBEDDING_DIMENSIONS}. Escolha outro modelo em Configurações › IA.`,
    );
  }
  if (vector.length === EMBEDDING_DIMENSIONS) return vector;
  return [...vector, ...new Array<number>(EMBEDDING_DIMENSIONS - vector.length).fill(0)];
}
