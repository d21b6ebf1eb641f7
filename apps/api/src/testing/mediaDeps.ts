import { type FakeElevenLabs, type FakeOpenAI, startFakeElevenLabs, startFakeOpenAI } from '@piloto/testkit';
import pino from 'pino';
import { afterEach, beforeEach } from 'vitest';
import { type Config, loadConfig } from '../config.ts';
import { createHttpClient, type HttpClient } from '../platform/httpClient.ts';
import { defaultFfmpegPath } from '../platform/voiceNote.ts';

const http = createHttpClient(pino({ level: 'silent' }));
const ffmpegPath = defaultFfmpegPath();

/**
 * What the media functions get in the app (HTTP client, config, ffmpeg), the config pointed at fakes of
 * OpenAI and ElevenLabs: new ones before each test, closed after.
 */
export function useMediaDeps() {
  const media = {} as {
    llm: FakeOpenAI;
    eleven: FakeElevenLabs;
    deps: { http: HttpClient; config: Config; ffmpegPath: string };
  };
  beforeEach(async () => {
    media.llm = await startFakeOpenAI();
    media.eleven = await startFakeElevenLabs();
    const config = loadConfig({
      OPENAI_API_KEY: media.llm.apiKey,
      OPENAI_BASE_URL: media.llm.url,
      ELEVENLABS_API_KEY: media.eleven.apiKey,
      ELEVENLABS_BASE_URL: media.eleven.url,
    });
    media.deps = { http, config, ffmpegPath };
  });
  afterEach(async () => {
    await Promise.all([media.llm.close(), media.eleven.close()]);
  });
  return media;
}
