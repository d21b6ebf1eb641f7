export * from './agents.ts';
export * from './channels.ts';
export * from './errors.ts';
export * from './inbox.ts';
export * from './knowledge.ts';
export * from './media.ts';
export * from './orgs.ts';
