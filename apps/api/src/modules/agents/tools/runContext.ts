import type { HandoffReason } from '@piloto/contracts';

/** What a run's tools may touch (the current company and contact only) and what they report back. */
export type RunContext = {
  orgId: string;
  contactId: string;
  conversationId: string;
  handoff: { reason: HandoffReason; note: string } | null;
  retrieved: Array<{ source: string; text: string }>;
};
