/** Every query key in one place; org data is keyed by org so switching companies never mixes caches. */
export const meQueryKey = ['me'] as const;
export const configQueryKey = ['config'] as const;
export const sessionsQueryKey = ['auth', 'sessions'] as const;
export const currentSessionQueryKey = ['auth', 'currentSession'] as const;
export const devMailsQueryKey = ['dev', 'mails'] as const;

export const orgKeys = {
  all: (orgId: string) => ['orgs', orgId] as const,
  org: (orgId: string) => ['orgs', orgId, 'org'] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
  invitations: (orgId: string) => ['orgs', orgId, 'invitations'] as const,
  team: (orgId: string) => ['orgs', orgId, 'team'] as const,
};

export const channelKeys = {
  all: (orgId: string) => ['orgs', orgId, 'channels'] as const,
  webhookEvents: (orgId: string, channelId: string) =>
    ['orgs', orgId, 'channels', channelId, 'webhook-events'] as const,
  sandbox: (orgId: string, channelId: string, leadPhone: string) =>
    ['orgs', orgId, 'channels', channelId, 'sandbox', leadPhone] as const,
};

export const inboxKeys = {
  /** Prefix of every conversation list (any view or filter). */
  lists: (orgId: string) => ['orgs', orgId, 'conversations', 'list'] as const,
  list: (orgId: string, filter: object) => ['orgs', orgId, 'conversations', 'list', filter] as const,
  conversation: (orgId: string, conversationId: string) =>
    ['orgs', orgId, 'conversations', 'one', conversationId] as const,
  messages: (orgId: string, conversationId: string) =>
    ['orgs', orgId, 'conversations', 'messages', conversationId] as const,
  labels: (orgId: string) => ['orgs', orgId, 'labels'] as const,
  quickReplies: (orgId: string) => ['orgs', orgId, 'quick-replies'] as const,
  notes: (orgId: string, contactId: string) => ['orgs', orgId, 'contacts', contactId, 'notes'] as const,
};

export const agentKeys = {
  all: (orgId: string) => ['orgs', orgId, 'agents'] as const,
  one: (orgId: string, agentId: string) => ['orgs', orgId, 'agents', 'one', agentId] as const,
  versions: (orgId: string, agentId: string) => ['orgs', orgId, 'agents', 'versions', agentId] as const,
  aiSettings: (orgId: string) => ['orgs', orgId, 'ai-settings'] as const,
};

export const traceKeys = {
  all: (orgId: string) => ['orgs', orgId, 'traces'] as const,
  list: (orgId: string, filter: object) => ['orgs', orgId, 'traces', 'list', filter] as const,
  one: (orgId: string, traceId: string) => ['orgs', orgId, 'traces', 'one', traceId] as const,
};

export const copilotKeys = {
  suggestions: (orgId: string, conversationId: string) =>
    ['orgs', orgId, 'conversations', 'suggestions', conversationId] as const,
  questions: (orgId: string, status: 'pending' | 'answered') => ['orgs', orgId, 'questions', status] as const,
  allQuestions: (orgId: string) => ['orgs', orgId, 'questions'] as const,
};

export const knowledgeKeys = {
  all: (orgId: string) => ['orgs', orgId, 'knowledge'] as const,
  collections: (orgId: string) => ['orgs', orgId, 'knowledge', 'collections'] as const,
  /** Prefix of every document list and document. */
  documents: (orgId: string) => ['orgs', orgId, 'knowledge', 'documents'] as const,
  documentList: (orgId: string, collectionId: string) =>
    ['orgs', orgId, 'knowledge', 'documents', 'list', collectionId] as const,
  document: (orgId: string, documentId: string) =>
    ['orgs', orgId, 'knowledge', 'documents', 'one', documentId] as const,
  /** Prefix of the learned answers of every status. */
  learned: (orgId: string) => ['orgs', orgId, 'knowledge', 'learned'] as const,
  learnedList: (orgId: string, status: 'proposed' | 'active' | 'dismissed') =>
    ['orgs', orgId, 'knowledge', 'learned', status] as const,
  /** Questions to the team per week (under `learned`, so teaching refreshes it). */
  questionStats: (orgId: string) => ['orgs', orgId, 'knowledge', 'learned', 'stats'] as const,
};

export const voiceKeys = {
  all: (orgId: string) => ['orgs', orgId, 'voices'] as const,
};

export const invitationPreviewKey = (token: string) => ['invitations', token] as const;
