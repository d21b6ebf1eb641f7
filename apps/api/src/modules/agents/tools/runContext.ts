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

/**
 * The run's context travels in the invocation's config (`configurable.runContext`), so one compiled
 * graph serves every run of an agent version: tools never see another run's company or contact.
 */
export function runContextOf(config: { configurable?: Record<string, unknown> } | undefined): RunContext {
  const ctx = config?.configurable?.runContext as RunContext | undefined;
  if (!ctx) throw new Error('An agent tool ran without its run context (configurable.runContext).');
  return ctx;
}

/** The config of one run: its checkpoint thread and its context. */
export function runConfig(threadId: string, ctx: RunContext) {
  return { configurable: { thread_id: threadId, runContext: ctx }, recursionLimit: 12 };
}
