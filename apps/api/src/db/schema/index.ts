export * from './agents.ts';
export * from './auth.ts';
export * from './channels.ts';
export * from './orgs.ts';
export * from './platform.ts';
