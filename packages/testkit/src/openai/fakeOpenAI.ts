import {
  type FakeHttpRequest,
  type FakeHttpResponse,
  jsonResponse,
  startFakeHttpServer,
} from '../fakeHttpServer.ts';
import {
  type AssistantAnswer,
  chatCompletionBody,
  chatCompletionChunks,
  defaultErrorCode,
  defaultErrorMessage,
  errorTypeForStatus,
  estimateCompletionTokens,
  estimatePromptTokens,
  estimateTokens,
  newToolCallId,
  type OpenAIMessageWire,
  type OpenAIToolWire,
  openAIErrorBody,
  serverSentEvents,
} from './chatCompletionPayloads.ts';
import { defaultEmbeddingDimensions, embeddingBase64, embeddingVector } from './embeddingVector.ts';
import { createFakeOpenAIAudio, type FakeOpenAIAudio } from './fakeOpenAIAudio.ts';
import { findChatRequestError } from './findChatRequestError.ts';

/**
 * A local OpenAI-compatible API (Chat Completions and Embeddings, the surface OpenAI, Ollama, vLLM
 * and OpenRouter share) answering scripted turns, so the agent's real client runs over real HTTP.
 * Streams are written in one response body (all SSE events at once): clients parse them the same,
 * but tests cannot observe pacing between chunks.
 */

export type FakeOpenAIOptions = { apiKey?: string };

export type FakeOpenAIToolCall = { name: string; args: object; id?: string };

/** A reply of the model. Empty content with tool calls goes out as `content: null`, as OpenAI does. */
export type FakeOpenAIAnswerTurn = {
  content?: string;
  toolCalls?: FakeOpenAIToolCall[];
  /** Token counts to report; default ≈ characters / 4 of the prompt and of the answer. */
  usage?: { prompt: number; completion: number };
  /** Wait this long before answering (client timeouts). */
  delayMs?: number;
};

/** An HTTP error in OpenAI's body format; 429 also sends `retry-after` (default 1 second). */
export type FakeOpenAIErrorTurn = {
  error: { status: number; message?: string; code?: string; type?: string; retryAfterSeconds?: number };
  delayMs?: number;
};

export type FakeOpenAITurn = FakeOpenAIAnswerTurn | FakeOpenAIErrorTurn;

/** A chat completion request as the fake received it. */
export type FakeOpenAIChatRequest = {
  model: string;
  messages: OpenAIMessageWire[];
  /** `[]` when the client sent none. */
  tools: OpenAIToolWire[];
  toolChoice?: unknown;
  stream: boolean;
  streamOptions?: { include_usage?: boolean };
  parallelToolCalls?: boolean;
  /** The JSON body as sent (temperature, max_tokens, …). */
  body: Record<string, unknown>;
  headers: Record<string, string>;
  receivedAt: number;
};

export type FakeOpenAIEmbeddingRequest = {
  model: string;
  input: string[];
  dimensions?: number;
  encodingFormat: 'float' | 'base64';
  body: Record<string, unknown>;
  receivedAt: number;
};

export type FakeOpenAIResponder = (
  request: FakeOpenAIChatRequest,
) => FakeOpenAITurn | Promise<FakeOpenAITurn>;

export type FakeOpenAI = {
  /** `http://127.0.0.1:<port>/v1`: ChatOpenAI's `configuration.baseURL`. */
  url: string;
  apiKey: string;
  /** Queues turns answered in order by the next chat completion calls. */
  script(...turns: FakeOpenAITurn[]): void;
  /** Answers calls once the script is used up (default: a fixed pt-BR content). */
  respond(responder: FakeOpenAIResponder): void;
  /** Scripted turns not yet consumed. */
  pendingTurns(): number;
  /** Every authenticated chat completion request, in arrival order (malformed ones included). */
  requests: FakeOpenAIChatRequest[];
  lastRequest(): FakeOpenAIChatRequest | undefined;
  embeddingRequests: FakeOpenAIEmbeddingRequest[];
  /** Raw HTTP requests of every kind, for header or auth assertions. */
  httpRequests: FakeHttpRequest[];
  /** Audio API: transcriptions and speech (see fakeOpenAIAudio.ts). */
  audio: FakeOpenAIAudio;
  close(): Promise<void>;
};

export const FAKE_OPENAI_DEFAULT_CONTENT = 'Resposta padrão do modelo de teste';

const defaultResponder: FakeOpenAIResponder = () => ({ content: FAKE_OPENAI_DEFAULT_CONTENT });

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const apiKey = options.apiKey ?? 'sk-fake-openai-test-key';
  const queue: FakeOpenAITurn[] = [];
  let responder = defaultResponder;
  const requests: FakeOpenAIChatRequest[] = [];
  const embeddingRequests: FakeOpenAIEmbeddingRequest[] = [];
  // Delayed answers still pending; close() releases them so no timer outlives the fake.
  const pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pendingDelays.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      pendingDelays.add(entry);
    });
  }

  async function answerChat(request: FakeHttpRequest): Promise<FakeHttpResponse> {
    const body = isObject(request.body) ? request.body : {};
    const chatRequest = parseChatRequest(body, request);
    requests.push(chatRequest);

    const invalid = findChatRequestError(body);
    if (invalid) {
      return jsonResponse(
        400,
        openAIErrorBody(invalid.message, 'invalid_request_error', invalid.code, invalid.param),
      );
    }

    const turn = queue.shift() ?? (await responder(chatRequest));
    if (turn.delayMs) await wait(turn.delayMs);
    if ('error' in turn) return errorResponse(turn.error, chatRequest.model);

    const answer = toAnswer(turn, chatRequest.messages);
    if (!chatRequest.stream) return jsonResponse(200, chatCompletionBody(chatRequest.model, answer));
    const chunks = chatCompletionChunks(
      chatRequest.model,
      answer,
      chatRequest.streamOptions?.include_usage === true,
    );
    return {
      status: 200,
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
      body: serverSentEvents(chunks),
    };
  }

  function answerEmbeddings(request: FakeHttpRequest): FakeHttpResponse {
    const body = isObject(request.body) ? request.body : {};
    const model = typeof body.model === 'string' ? body.model : '';
    const input = embeddingInputs(body.input);
    const dimensions = typeof body.dimensions === 'number' ? body.dimensions : undefined;
    const encodingFormat = body.encoding_format === 'base64' ? 'base64' : 'float';
    embeddingRequests.push({
      model,
      input,
      dimensions,
      encodingFormat,
      body,
      receivedAt: request.receivedAt,
    });

    if (model === '') {
      return jsonResponse(
        400,
        openAIErrorBody('you must provide a model parameter', 'invalid_request_error', null),
      );
    }
    if (input.length === 0) {
      return jsonResponse(
        400,
        openAIErrorBody(
          "'$.input' is invalid. Please check the API reference.",
          'invalid_request_error',
          null,
        ),
      );
    }
    const size = dimensions ?? defaultEmbeddingDimensions(model);
    const data = input.map((text, index) => {
      const vector = embeddingVector(text, size);
      return {
        object: 'embedding',
        index,
        embedding: encodingFormat === 'base64' ? embeddingBase64(vector) : vector,
      };
    });
    const promptTokens = input.reduce((sum, text) => sum + estimateTokens(text), 0);
    return jsonResponse(200, {
      object: 'list',
      data,
      model,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    });
  }

  const audio = createFakeOpenAIAudio(wait);

  const server = await startFakeHttpServer(async (request) => {
    const unauthorized = checkApiKey(request.headers.authorization, apiKey);
    if (unauthorized) return unauthorized;
    const audioAnswer = audio.handle(request);
    if (audioAnswer) return audioAnswer;
    if (request.method === 'POST' && request.path === '/v1/chat/completions') return answerChat(request);
    if (request.method === 'POST' && request.path === '/v1/embeddings') return answerEmbeddings(request);
    return jsonResponse(
      404,
      openAIErrorBody(`Invalid URL (${request.method} ${request.path})`, 'invalid_request_error', null),
    );
  });

  return {
    url: `${server.url}/v1`,
    apiKey,
    script: (...turns) => {
      queue.push(...turns);
    },
    respond: (next) => {
      responder = next;
    },
    pendingTurns: () => queue.length,
    requests,
    lastRequest: () => requests.at(-1),
    embeddingRequests,
    httpRequests: server.requests,
    audio,
    close: async () => {
      for (const entry of pendingDelays) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      pendingDelays.clear();
      await server.close();
    },
  };
}

function checkApiKey(authorization: string | undefined, apiKey: string): FakeHttpResponse | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!match) {
    return jsonResponse(
      401,
      openAIErrorBody(
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
        'invalid_request_error',
        null,
      ),
    );
  }
  const given = match[1].trim();
  if (given === apiKey) return undefined;
  // OpenAI echoes only the key's ends, never the whole secret.
  const masked = given.length > 8 ? `${given.slice(0, 3)}*****${given.slice(-4)}` : '*****';
  return jsonResponse(
    401,
    openAIErrorBody(
      `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'invalid_request_error',
      'invalid_api_key',
    ),
  );
}

function errorResponse(error: FakeOpenAIErrorTurn['error'], model: string): FakeHttpResponse {
  const headers: Record<string, string> = {};
  if (error.status === 429) headers['retry-after'] = String(error.retryAfterSeconds ?? 1);
  return jsonResponse(
    error.status,
    openAIErrorBody(
      error.message ?? defaultErrorMessage(error.status, model),
      error.type ?? errorTypeForStatus(error.status),
      error.code ?? defaultErrorCode(error.status),
    ),
    headers,
  );
}

function toAnswer(turn: FakeOpenAIAnswerTurn, messages: OpenAIMessageWire[]): AssistantAnswer {
  const toolCalls = (turn.toolCalls ?? []).map((call) => ({
    id: call.id ?? newToolCallId(),
    type: 'function' as const,
    function: { name: call.name, arguments: JSON.stringify(call.args) },
  }));
  // OpenAI sends null, not "", when the model only calls tools.
  const content = turn.content ?? (toolCalls.length > 0 ? null : '');
  return {
    content,
    toolCalls,
    usage: turn.usage ?? {
      prompt: estimatePromptTokens(messages),
      completion: estimateCompletionTokens(content, toolCalls),
    },
  };
}

function parseChatRequest(body: Record<string, unknown>, request: FakeHttpRequest): FakeOpenAIChatRequest {
  return {
    model: typeof body.model === 'string' ? body.model : '',
    messages: Array.isArray(body.messages) ? (body.messages as OpenAIMessageWire[]) : [],
    tools: Array.isArray(body.tools) ? (body.tools as OpenAIToolWire[]) : [],
    toolChoice: body.tool_choice,
    stream: body.stream === true,
    streamOptions: isObject(body.stream_options) ? body.stream_options : undefined,
    parallelToolCalls: typeof body.parallel_tool_calls === 'boolean' ? body.parallel_tool_calls : undefined,
    body,
    headers: request.headers,
    receivedAt: request.receivedAt,
  };
}

function embeddingInputs(input: unknown): string[] {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input)) return [];
  // Token-id arrays are hashed as their JSON: deterministic, which is all tests need.
  if (input.every((item) => typeof item === 'number')) return [JSON.stringify(input)];
  return input.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
