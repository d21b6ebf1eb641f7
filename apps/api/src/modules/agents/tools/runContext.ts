import type { HandoffReason } from '@piloto/contracts';

/** What a run's tools may touch (the current company and contact only) and what they report back. */
export type RunContext = {
  orgId: string;
  contactId: string;
  conversationId: string;
  /** The agent's knowledge collections (empty = all of the company's). */
  collectionIds: string[];
  handoff: { reason: HandoffReason; note: string } | null;
  retrieved: Array<{ source: string; text: string }>;
};
