import type { AiTaskModels } from '@piloto/contracts';
import type { KeyProvider } from '@/lib/agentLabels.ts';

export type AiTask = keyof AiTaskModels;

type TaskInfo = {
  label: string;
  /** What it does, and what happens without it — one line. */
  description: string;
  /** The first option of the provider list: what "no model" means for this task. */
  noneLabel: string;
  /** The providers the task accepts, each with model names to suggest (the first one is filled in). */
  suggestions: Partial<Record<KeyProvider, string[]>>;
};

export const aiTasks: AiTask[] = ['embeddings', 'classifier', 'transcription', 'vision', 'speech'];

export const aiTaskInfo: Record<AiTask, TaskInfo> = {
  embeddings: {
    label: 'Busca por significado (embeddings)',
    description:
      'Acha na base de conhecimento trechos com o mesmo sentido da pergunta, mesmo com outras palavras. Sem ele, a busca é só por palavras.',
    noneLabel: 'Não usar',
    suggestions: {
      openai: ['text-embedding-3-small', 'text-embedding-3-large'],
      gemini: ['text-embedding-004'],
      openai_compatible: ['nomic-embed-text', 'bge-m3'],
    },
  },
  classifier: {
    label: 'Resumos e classificação',
    description:
      'Um modelo barato para resumir conversas e classificar mensagens. Sem ele, usa o modelo do próprio agente.',
    noneLabel: 'Usar o do agente',
    suggestions: {
      openai: ['gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-4o-mini'],
      anthropic: ['claude-haiku-4-5'],
      gemini: ['gemini-2.5-flash-lite', 'gemini-2.5-flash'],
      openai_compatible: ['llama3.1:8b', 'qwen2.5:7b'],
    },
  },
  transcription: {
    label: 'Transcrição de áudios',
    description:
      'Transforma os áudios dos leads em texto para a IA entender. Sem ele, usa a OpenAI se houver chave; se não houver, o áudio vai para a equipe com um aviso.',
    noneLabel: 'Não usar',
    suggestions: {
      openai: ['gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'whisper-1'],
      openai_compatible: ['whisper-large-v3'],
    },
  },
  vision: {
    label: 'Leitura de imagens',
    description:
      'Entende fotos e prints que os leads enviam. Sem ele, só o texto das imagens é lido (OCR em português).',
    noneLabel: 'Não usar',
    suggestions: {
      openai: ['gpt-4.1-mini', 'gpt-4o'],
      anthropic: ['claude-sonnet-4-5', 'claude-haiku-4-5'],
      gemini: ['gemini-2.5-flash'],
      openai_compatible: ['qwen2.5vl:7b', 'llava:13b'],
    },
  },
  speech: {
    label: 'Voz (respostas em áudio)',
    description:
      'Transforma a resposta do agente em mensagem de voz. Sem ele, usa a voz da OpenAI se houver chave; se não houver, o agente responde só por texto.',
    noneLabel: 'Não usar',
    suggestions: {
      elevenlabs: ['eleven_multilingual_v2', 'eleven_flash_v2_5'],
      openai: ['gpt-4o-mini-tts', 'tts-1'],
    },
  },
};
