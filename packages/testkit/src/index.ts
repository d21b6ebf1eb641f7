export * from './fakeGoogle.ts';
export * from './fakeHttpServer.ts';
export * from './fakeSmtp.ts';
