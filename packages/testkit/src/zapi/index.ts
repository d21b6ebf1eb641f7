export * from './fakeZapi.ts';
export * from './payloads.ts';
