import { randomBytes } from 'node:crypto';

/**
 * OpenAI Chat Completions wire format (the shape OpenAI, Ollama, vLLM and OpenRouter share), as the
 * fake answers it: field order and the always-present nulls follow api.openai.com's responses.
 */

export type OpenAIToolCallWire = {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
};

export type OpenAIContentPart = { type: string; text?: string; [key: string]: unknown };

/** A message as the client sent it in `messages`. */
export type OpenAIMessageWire = {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function';
  content?: string | OpenAIContentPart[] | null;
  name?: string;
  tool_calls?: OpenAIToolCallWire[];
  tool_call_id?: string;
};

/** A tool as the client sent it in `tools`. */
export type OpenAIToolWire = {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
};

export type OpenAIUsageWire = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
};

/** What the fake's model decided to say, before it is put on the wire. */
export type AssistantAnswer = {
  content: string | null;
  toolCalls: OpenAIToolCallWire[];
  usage: { prompt: number; completion: number };
};

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomAlphanumeric(length: number): string {
  return Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

export function newCompletionId(): string {
  return `chatcmpl-${randomAlphanumeric(29)}`;
}

export function newToolCallId(): string {
  return `call_${randomAlphanumeric(24)}`;
}

/** Same fingerprint for the fake's lifetime, like one backend deployment. */
export const FAKE_SYSTEM_FINGERPRINT = `fp_${randomBytes(5).toString('hex')}`;

/** OpenAI-ish token estimate: about four characters per token, at least one. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export function messageText(message: OpenAIMessageWire): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
}

export function estimatePromptTokens(messages: OpenAIMessageWire[]): number {
  const text = messages
    .map(
      (message) =>
        messageText(message) + (message.tool_calls ?? []).map((c) => c.function.arguments).join(''),
    )
    .join('\n');
  return estimateTokens(text);
}

export function estimateCompletionTokens(content: string | null, toolCalls: OpenAIToolCallWire[]): number {
  return estimateTokens(
    (content ?? '') + toolCalls.map((call) => call.function.name + call.function.arguments).join(''),
  );
}

export function usageWire(usage: { prompt: number; completion: number }): OpenAIUsageWire {
  return {
    prompt_tokens: usage.prompt,
    completion_tokens: usage.completion,
    total_tokens: usage.prompt + usage.completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function finishReason(answer: AssistantAnswer): 'tool_calls' | 'stop' {
  return answer.toolCalls.length > 0 ? 'tool_calls' : 'stop';
}

/** The `chat.completion` object of a non-streaming call. */
export function chatCompletionBody(model: string, answer: AssistantAnswer): Record<string, unknown> {
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: answer.content,
    refusal: null,
    annotations: [],
  };
  if (answer.toolCalls.length > 0) message.tool_calls = answer.toolCalls;
  return {
    id: newCompletionId(),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(answer) }],
    usage: usageWire(answer.usage),
    service_tier: 'default',
    system_fingerprint: FAKE_SYSTEM_FINGERPRINT,
  };
}

/** Splits text into word-sized pieces (spaces kept) so a stream has several deltas. */
function contentPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function argumentPieces(text: string): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += 8) pieces.push(text.slice(start, start + 8));
  return pieces;
}

/**
 * The `chat.completion.chunk` objects of a streaming call: a role delta, content pieces, each tool
 * call's id/name then its arguments in pieces, an empty delta with finish_reason, and — only with
 * `stream_options.include_usage` — a last chunk with no choices and the usage (every earlier chunk
 * then carries `usage: null`, as OpenAI does).
 */
export function chatCompletionChunks(
  model: string,
  answer: AssistantAnswer,
  includeUsage: boolean,
): Record<string, unknown>[] {
  const id = newCompletionId();
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): Record<string, unknown> => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    service_tier: 'default',
    system_fingerprint: FAKE_SYSTEM_FINGERPRINT,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });

  const chunks: Record<string, unknown>[] = [
    chunk({ role: 'assistant', content: answer.content === null ? null : '', refusal: null }),
  ];
  for (const piece of contentPieces(answer.content ?? '')) chunks.push(chunk({ content: piece }));
  answer.toolCalls.forEach((call, index) => {
    chunks.push(
      chunk({
        tool_calls: [
          { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
        ],
      }),
    );
    for (const piece of argumentPieces(call.function.arguments)) {
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  chunks.push(chunk({}, finishReason(answer)));
  if (includeUsage) {
    chunks.push({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      service_tier: 'default',
      system_fingerprint: FAKE_SYSTEM_FINGERPRINT,
      choices: [],
      usage: usageWire(answer.usage),
    });
  }
  return chunks;
}

/** Server-sent events as OpenAI writes them: `data: {json}\n\n` per chunk, then `data: [DONE]`. */
export function serverSentEvents(chunks: Record<string, unknown>[]): string {
  return `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`;
}

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export function openAIErrorBody(
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
): { error: { message: string; type: string; param: string | null; code: string | null } } {
  return { error: { message, type, param, code } };
}

/** The `type` OpenAI puts on an error of this status. */
export function errorTypeForStatus(status: number): string {
  if (status >= 500) return 'server_error';
  if (status === 429) return 'requests';
  return 'invalid_request_error';
}

export function defaultErrorMessage(status: number, model: string): string {
  if (status === 429) {
    return `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.`;
  }
  if (status >= 500) {
    return 'The server had an error while processing your request. Sorry about that!';
  }
  return 'Invalid request.';
}

export function defaultErrorCode(status: number): string | null {
  if (status === 429) return 'rate_limit_exceeded';
  return null;
}
