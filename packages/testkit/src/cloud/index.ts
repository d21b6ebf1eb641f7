export * from './fakeCloudApi.ts';
export * from './payloads.ts';
