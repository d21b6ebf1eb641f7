export * from './agents.ts';
export * from './auth.ts';
export * from './channels.ts';
export * from './knowledge.ts';
export * from './media.ts';
export * from './orgs.ts';
export * from './platform.ts';
