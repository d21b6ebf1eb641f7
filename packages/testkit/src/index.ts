export * from './fakeGoogle.ts';
export * from './fakeHttpServer.ts';
