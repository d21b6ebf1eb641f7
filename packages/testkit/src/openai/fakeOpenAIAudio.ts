import { type AudioFixtureFormat, renderAudioFixture } from '../audioFixtures.ts';
import {
  bytesResponse,
  type FakeHttpRequest,
  type FakeHttpResponse,
  jsonResponse,
} from '../fakeHttpServer.ts';
import { formField, type MultipartForm, readMultipartForm } from '../multipartForm.ts';
import {
  defaultErrorCode,
  defaultErrorMessage,
  errorTypeForStatus,
  estimateTokens,
  openAIErrorBody,
} from './chatCompletionPayloads.ts';

/**
 * OpenAI's Audio API as the fake answers it: `POST /v1/audio/transcriptions` (multipart upload, scripted
 * transcripts in OpenAI's json/text/verbose_json shapes) and `POST /v1/audio/speech` (real audio bytes,
 * a sine tone rendered with ffmpeg, so callers can decode and convert what they get).
 */

export type FakeTranscriptionTurn =
  | { text: string; delayMs?: number }
  | {
      error: { status: number; message?: string; code?: string; type?: string; retryAfterSeconds?: number };
      delayMs?: number;
    };

export type FakeTranscriptionRequest = {
  model: string;
  language?: string;
  prompt?: string;
  responseFormat: string;
  fileName?: string;
  fileType?: string;
  /** The uploaded audio, byte for byte. */
  fileBytes?: Buffer;
  /** Every text field as sent. */
  fields: Record<string, string[]>;
  headers: Record<string, string>;
  receivedAt: number;
};

export type FakeSpeechTurn =
  | { seconds?: number; delayMs?: number }
  | { error: { status: number; message?: string; code?: string; type?: string }; delayMs?: number };

export type FakeSpeechRequest = {
  model: string;
  input: string;
  voice: string;
  responseFormat: string;
  instructions?: string;
  speed?: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  receivedAt: number;
};

export type FakeOpenAIAudio = {
  /** Queues answers for the next transcription calls. */
  scriptTranscriptions(...turns: FakeTranscriptionTurn[]): void;
  /** Answers transcriptions once the script is used up (default: a fixed pt-BR text). */
  respondTranscriptions(
    responder: (request: FakeTranscriptionRequest) => FakeTranscriptionTurn | Promise<FakeTranscriptionTurn>,
  ): void;
  transcriptionRequests: FakeTranscriptionRequest[];
  /** Queues answers for the next speech calls (length of the tone, or an error). */
  scriptSpeech(...turns: FakeSpeechTurn[]): void;
  speechRequests: FakeSpeechRequest[];
};

export const FAKE_OPENAI_DEFAULT_TRANSCRIPT = 'Transcrição padrão do áudio de teste';

/** What api.openai.com accepts, judged (as there) by the uploaded file's extension. */
export const OPENAI_TRANSCRIPTION_FORMATS = [
  'flac',
  'm4a',
  'mp3',
  'mp4',
  'mpeg',
  'mpga',
  'oga',
  'ogg',
  'wav',
  'webm',
];

const SPEECH_FORMATS: Record<string, { fixture: AudioFixtureFormat; contentType: string }> = {
  mp3: { fixture: 'mp3', contentType: 'audio/mpeg' },
  opus: { fixture: 'ogg', contentType: 'audio/ogg' },
  aac: { fixture: 'aac', contentType: 'audio/aac' },
  flac: { fixture: 'flac', contentType: 'audio/flac' },
  wav: { fixture: 'wav', contentType: 'audio/wav' },
  pcm: { fixture: 'pcm', contentType: 'audio/pcm' },
};

const SPEECH_MAX_INPUT = 4096;

/** The audio routes of the fake OpenAI; its router calls `handle` and uses the answer when there is one. */
export function createFakeOpenAIAudio(wait: (ms: number) => Promise<void>): FakeOpenAIAudio & {
  handle(request: FakeHttpRequest): Promise<FakeHttpResponse> | undefined;
} {
  const transcriptionQueue: FakeTranscriptionTurn[] = [];
  const speechQueue: FakeSpeechTurn[] = [];
  let transcriptionResponder = (
    _request: FakeTranscriptionRequest,
  ): FakeTranscriptionTurn | Promise<FakeTranscriptionTurn> => ({
    text: FAKE_OPENAI_DEFAULT_TRANSCRIPT,
  });
  const transcriptionRequests: FakeTranscriptionRequest[] = [];
  const speechRequests: FakeSpeechRequest[] = [];

  async function answerTranscription(request: FakeHttpRequest): Promise<FakeHttpResponse> {
    const form = await readMultipartForm(request);
    if (!form) {
      return jsonResponse(
        400,
        openAIErrorBody(
          'Invalid Content-Type header (expected multipart/form-data).',
          'invalid_request_error',
          null,
        ),
      );
    }
    const file = form.files.find((f) => f.field === 'file');
    const parsed = parseTranscriptionRequest(form, request);
    transcriptionRequests.push(parsed);

    if (!parsed.model) {
      return jsonResponse(
        400,
        openAIErrorBody('you must provide a model parameter', 'invalid_request_error', null),
      );
    }
    if (!file) {
      return jsonResponse(
        400,
        openAIErrorBody(
          "Missing required parameter: 'file'.",
          'invalid_request_error',
          'missing_required_parameter',
          'file',
        ),
      );
    }
    const extension = file.fileName.split('.').at(-1)?.toLowerCase() ?? '';
    if (!OPENAI_TRANSCRIPTION_FORMATS.includes(extension)) {
      return jsonResponse(
        400,
        openAIErrorBody(
          `Invalid file format. Supported formats: [${OPENAI_TRANSCRIPTION_FORMATS.map((f) => `'${f}'`).join(', ')}]`,
          'invalid_request_error',
          null,
        ),
      );
    }

    const turn = transcriptionQueue.shift() ?? (await transcriptionResponder(parsed));
    if (turn.delayMs) await wait(turn.delayMs);
    if ('error' in turn) return errorResponse(turn.error, parsed.model);
    return transcriptionBody(parsed, turn.text);
  }

  async function answerSpeech(request: FakeHttpRequest): Promise<FakeHttpResponse> {
    const body = isObject(request.body) ? request.body : {};
    const parsed: FakeSpeechRequest = {
      model: typeof body.model === 'string' ? body.model : '',
      input: typeof body.input === 'string' ? body.input : '',
      voice: typeof body.voice === 'string' ? body.voice : '',
      responseFormat: typeof body.response_format === 'string' ? body.response_format : 'mp3',
      instructions: typeof body.instructions === 'string' ? body.instructions : undefined,
      speed: typeof body.speed === 'number' ? body.speed : undefined,
      body,
      headers: request.headers,
      receivedAt: request.receivedAt,
    };
    speechRequests.push(parsed);

    if (!parsed.model) {
      return jsonResponse(
        400,
        openAIErrorBody('you must provide a model parameter', 'invalid_request_error', null),
      );
    }
    for (const field of ['input', 'voice'] as const) {
      if (!parsed[field]) {
        return jsonResponse(
          400,
          openAIErrorBody(
            `Missing required parameter: '${field}'.`,
            'invalid_request_error',
            'missing_required_parameter',
            field,
          ),
        );
      }
    }
    if (parsed.input.length > SPEECH_MAX_INPUT) {
      return jsonResponse(
        400,
        openAIErrorBody(
          `Invalid 'input': string too long. Expected a string with maximum length ${SPEECH_MAX_INPUT}, but got a string with length ${parsed.input.length} instead.`,
          'invalid_request_error',
          'string_above_max_length',
          'input',
        ),
      );
    }
    const format = SPEECH_FORMATS[parsed.responseFormat];
    if (!format) {
      return jsonResponse(
        400,
        openAIErrorBody(
          `Invalid value: '${parsed.responseFormat}'. Supported values are: ${Object.keys(SPEECH_FORMATS)
            .map((f) => `'${f}'`)
            .join(', ')}.`,
          'invalid_request_error',
          'invalid_value',
          'response_format',
        ),
      );
    }

    const turn = speechQueue.shift() ?? {};
    if (turn.delayMs) await wait(turn.delayMs);
    if ('error' in turn) return errorResponse(turn.error, parsed.model);
    // About 15 characters a second, like speech; at least one second.
    const seconds = turn.seconds ?? Math.min(10, Math.max(1, Math.round(parsed.input.length / 15)));
    const bytes = await speechAudio(format.fixture, seconds);
    return bytesResponse(200, bytes, format.contentType);
  }

  return {
    handle(request) {
      if (request.method !== 'POST') return undefined;
      if (request.path === '/v1/audio/transcriptions') return answerTranscription(request);
      if (request.path === '/v1/audio/speech') return answerSpeech(request);
      return undefined;
    },
    scriptTranscriptions: (...turns) => {
      transcriptionQueue.push(...turns);
    },
    respondTranscriptions: (responder) => {
      transcriptionResponder = responder;
    },
    transcriptionRequests,
    scriptSpeech: (...turns) => {
      speechQueue.push(...turns);
    },
    speechRequests,
  };
}

// Rendering costs ffmpeg a few dozen milliseconds: once per format and length for the process.
const speechCache = new Map<string, Promise<Buffer>>();

function speechAudio(format: AudioFixtureFormat, seconds: number): Promise<Buffer> {
  const key = `${format}:${seconds}`;
  let cached = speechCache.get(key);
  if (!cached) {
    cached = renderAudioFixture({ format, seconds, frequency: 220, sampleRate: 24000 });
    cached.catch(() => speechCache.delete(key));
    speechCache.set(key, cached);
  }
  return cached;
}

function parseTranscriptionRequest(form: MultipartForm, request: FakeHttpRequest): FakeTranscriptionRequest {
  const file = form.files.find((f) => f.field === 'file');
  return {
    model: formField(form, 'model') ?? '',
    language: formField(form, 'language'),
    prompt: formField(form, 'prompt'),
    responseFormat: formField(form, 'response_format') ?? 'json',
    fileName: file?.fileName,
    fileType: file?.contentType,
    fileBytes: file?.bytes,
    fields: form.fields,
    headers: request.headers,
    receivedAt: request.receivedAt,
  };
}

/** The body OpenAI sends for each `response_format`; usage is in tokens for gpt-4o models, seconds for whisper. */
function transcriptionBody(request: FakeTranscriptionRequest, text: string): FakeHttpResponse {
  if (request.responseFormat === 'text') {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${text}\n` };
  }
  const audioTokens = Math.max(1, Math.round((request.fileBytes?.length ?? 0) / 400));
  const outputTokens = text ? estimateTokens(text) : 0;
  const usage = request.model.startsWith('whisper')
    ? { type: 'duration', seconds: Math.max(1, Math.round(audioTokens / 10)) }
    : {
        type: 'tokens',
        input_tokens: audioTokens,
        input_token_details: { text_tokens: 0, audio_tokens: audioTokens },
        output_tokens: outputTokens,
        total_tokens: audioTokens + outputTokens,
      };
  if (request.responseFormat === 'verbose_json') {
    return jsonResponse(200, {
      task: 'transcribe',
      language: request.language === 'pt' ? 'portuguese' : (request.language ?? 'portuguese'),
      duration: Math.max(1, Math.round(audioTokens / 10)),
      text,
      segments: [],
      usage,
    });
  }
  return jsonResponse(200, { text, usage });
}

function errorResponse(
  error: { status: number; message?: string; code?: string; type?: string; retryAfterSeconds?: number },
  model: string,
): FakeHttpResponse {
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
