export * from './fakeEvolution.ts';
export * from './payloads.ts';
