export * from './cloud/index.ts';
export * from './evolution/index.ts';
export * from './fakeGcs.ts';
export * from './fakeGoogle.ts';
export * from './fakeHttpServer.ts';
export * from './fakeSmtp.ts';
export * from './openai/index.ts';
export * from './zapi/index.ts';
