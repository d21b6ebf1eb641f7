import { type AudioFixtureFormat, renderAudioFixture } from '../audioFixtures.ts';
import {
  bytesResponse,
  type FakeHttpRequest,
  type FakeHttpResponse,
  jsonResponse,
  startFakeHttpServer,
} from '../fakeHttpServer.ts';
import { formField, type MultipartFile, readMultipartForm } from '../multipartForm.ts';
import {
  type ElevenLabsVoiceWire,
  elevenLabsDetailError,
  elevenLabsValidationError,
  newElevenLabsId,
  premadeVoices,
} from './payloads.ts';

/**
 * A local stand-in for api.elevenlabs.io: the key in `xi-api-key`, `POST /v1/text-to-speech/{voice_id}`
 * answering real audio (a tone rendered with ffmpeg, in the `output_format` asked), instant voice
 * cloning with `POST /v1/voices/add` (multipart), `GET /v1/voices`, `GET|DELETE /v1/voices/{voice_id}`.
 * The account starts with two premade voices.
 */

export type FakeElevenLabsOptions = { apiKey?: string };

export type FakeElevenLabsTtsRequest = {
  voiceId: string;
  text: string;
  modelId?: string;
  outputFormat: string;
  languageCode?: string;
  voiceSettings?: Record<string, unknown>;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  receivedAt: number;
};

export type FakeElevenLabsAddVoiceRequest = {
  name?: string;
  description?: string;
  /** Parsed from the JSON string sent in `labels`. */
  labels?: Record<string, string>;
  removeBackgroundNoise?: boolean;
  files: MultipartFile[];
  fields: Record<string, string[]>;
  headers: Record<string, string>;
};

export type FakeElevenLabs = {
  /** `http://127.0.0.1:<port>` (no `/v1`, like https://api.elevenlabs.io). */
  url: string;
  apiKey: string;
  ttsRequests: FakeElevenLabsTtsRequest[];
  addVoiceRequests: FakeElevenLabsAddVoiceRequest[];
  /** The account's voices, premade and cloned. */
  voices(): ElevenLabsVoiceWire[];
  /** The next `count` API calls answer `response` (body: object → JSON). */
  failNext(count: number, response: { status: number; body?: unknown }): void;
  /** Raw HTTP requests of every kind. */
  requests: FakeHttpRequest[];
  close(): Promise<void>;
};

const OUTPUT_FORMATS: Record<string, { fixture: AudioFixtureFormat; contentType: string }> = {
  mp3: { fixture: 'mp3', contentType: 'audio/mpeg' },
  pcm: { fixture: 'pcm', contentType: 'audio/pcm' },
  opus: { fixture: 'ogg', contentType: 'audio/ogg' },
  wav: { fixture: 'wav', contentType: 'audio/wav' },
};

export async function startFakeElevenLabs(options: FakeElevenLabsOptions = {}): Promise<FakeElevenLabs> {
  const apiKey = options.apiKey ?? 'sk_fake_elevenlabs_test_key';
  const voices = new Map(premadeVoices().map((voice) => [voice.voice_id, voice]));
  const ttsRequests: FakeElevenLabsTtsRequest[] = [];
  const addVoiceRequests: FakeElevenLabsAddVoiceRequest[] = [];
  let failures: { count: number; response: { status: number; body?: unknown } } | undefined;

  async function textToSpeech(request: FakeHttpRequest, voiceId: string): Promise<FakeHttpResponse> {
    const body = isObject(request.body) ? request.body : {};
    const outputFormat = request.query.output_format ?? 'mp3_44100_128';
    const parsed: FakeElevenLabsTtsRequest = {
      voiceId,
      text: typeof body.text === 'string' ? body.text : '',
      modelId: typeof body.model_id === 'string' ? body.model_id : undefined,
      outputFormat,
      languageCode: typeof body.language_code === 'string' ? body.language_code : undefined,
      voiceSettings: isObject(body.voice_settings) ? body.voice_settings : undefined,
      body,
      headers: request.headers,
      receivedAt: request.receivedAt,
    };
    ttsRequests.push(parsed);
    if (typeof body.text !== 'string') return jsonResponse(422, elevenLabsValidationError('text'));
    if (!voices.has(voiceId)) {
      return jsonResponse(
        404,
        elevenLabsDetailError('voice_not_found', `A voice with the voice_id ${voiceId} was not found.`),
      );
    }
    const [codec, sampleRate] = outputFormat.split('_');
    const format = OUTPUT_FORMATS[codec];
    if (!format || !/^\d+$/.test(sampleRate ?? '')) {
      return jsonResponse(422, {
        detail: [
          {
            type: 'enum',
            loc: ['query', 'output_format'],
            msg: `Input should be a valid output format, got '${outputFormat}'`,
            input: outputFormat,
          },
        ],
      });
    }
    // About 15 characters a second, like speech; at least one second.
    const seconds = Math.min(10, Math.max(1, Math.round(parsed.text.length / 15)));
    const bytes = await renderAudioFixture({
      format: format.fixture,
      seconds,
      frequency: 330,
      sampleRate: Number(sampleRate),
    });
    const response = bytesResponse(200, bytes, format.contentType);
    response.headers = {
      ...response.headers,
      'character-cost': String(parsed.text.length),
      'request-id': newElevenLabsId(),
      'history-item-id': newElevenLabsId(),
    };
    return response;
  }

  async function addVoice(request: FakeHttpRequest): Promise<FakeHttpResponse> {
    const form = await readMultipartForm(request);
    if (!form) return jsonResponse(422, elevenLabsValidationError('files'));
    const labelsText = formField(form, 'labels');
    const removeNoise = formField(form, 'remove_background_noise');
    const parsed: FakeElevenLabsAddVoiceRequest = {
      name: formField(form, 'name'),
      description: formField(form, 'description'),
      labels: labelsText ? parseLabels(labelsText) : undefined,
      removeBackgroundNoise: removeNoise === undefined ? undefined : removeNoise === 'true',
      // The SDKs repeat `files`; the API reference's curl sends `files[]`.
      files: form.files.filter((file) => file.field === 'files' || file.field === 'files[]'),
      fields: form.fields,
      headers: request.headers,
    };
    addVoiceRequests.push(parsed);
    if (!parsed.name) return jsonResponse(422, elevenLabsValidationError('name'));
    if (parsed.files.length === 0) return jsonResponse(422, elevenLabsValidationError('files'));

    const voiceId = newElevenLabsId();
    voices.set(voiceId, {
      voice_id: voiceId,
      name: parsed.name,
      category: 'cloned',
      description: parsed.description ?? null,
      labels: parsed.labels ?? {},
      preview_url: null,
      samples: parsed.files.map((file) => ({
        sample_id: newElevenLabsId(),
        file_name: file.fileName,
        mime_type: file.contentType,
        size_bytes: file.bytes.length,
      })),
      settings: null,
      available_for_tiers: [],
      high_quality_base_model_ids: [],
      is_owner: true,
      created_at_unix: Math.floor(Date.now() / 1000),
    });
    return jsonResponse(200, { voice_id: voiceId, requires_verification: false });
  }

  function voiceNotFound(voiceId: string): FakeHttpResponse {
    return jsonResponse(
      404,
      elevenLabsDetailError('voice_not_found', `A voice with the voice_id ${voiceId} was not found.`),
    );
  }

  const server = await startFakeHttpServer(async (request) => {
    const unauthorized = checkApiKey(request.headers['xi-api-key'], apiKey);
    if (unauthorized) return unauthorized;
    if (failures && failures.count > 0) {
      failures.count--;
      const { status, body } = failures.response;
      return typeof body === 'string' || body === undefined
        ? { status, headers: { 'content-type': 'text/plain' }, body: body ?? '' }
        : jsonResponse(status, body);
    }

    const tts = /^\/v1\/text-to-speech\/([^/]+)$/.exec(request.path);
    if (request.method === 'POST' && tts) return textToSpeech(request, decodeURIComponent(tts[1]));
    if (request.method === 'POST' && request.path === '/v1/voices/add') return addVoice(request);
    if (request.method === 'GET' && request.path === '/v1/voices') {
      return jsonResponse(200, { voices: [...voices.values()] });
    }
    const one = /^\/v1\/voices\/([^/]+)$/.exec(request.path);
    if (one) {
      const voiceId = decodeURIComponent(one[1]);
      const voice = voices.get(voiceId);
      if (!voice) return voiceNotFound(voiceId);
      if (request.method === 'GET') return jsonResponse(200, voice);
      if (request.method === 'DELETE') {
        voices.delete(voiceId);
        return jsonResponse(200, { status: 'ok' });
      }
    }
    return jsonResponse(404, { detail: 'Not Found' });
  });

  return {
    url: server.url,
    apiKey,
    ttsRequests,
    addVoiceRequests,
    voices: () => [...voices.values()],
    failNext: (count, response) => {
      failures = { count, response };
    },
    requests: server.requests,
    close: () => server.close(),
  };
}

function checkApiKey(given: string | undefined, apiKey: string): FakeHttpResponse | undefined {
  if (!given) {
    return jsonResponse(
      401,
      elevenLabsDetailError(
        'needs_authorization',
        'Neither authorization header nor xi-api-key received, please provide one.',
      ),
    );
  }
  if (given !== apiKey) return jsonResponse(401, elevenLabsDetailError('invalid_api_key', 'Invalid API key'));
  return undefined;
}

function parseLabels(text: string): Record<string, string> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? (value as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
