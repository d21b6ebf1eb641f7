export * from './errors.ts';
export * from './orgs.ts';
