export * from './fakeElevenLabs.ts';
export * from './payloads.ts';
