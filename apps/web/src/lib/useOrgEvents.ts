import { type InboxEvent, inboxEventSchema } from '@piloto/contracts';
import { useEffect, useRef } from 'react';

/** Knowledge base events: a document's ingestion moved on, or the learned answers changed. */
export type KnowledgeEvent =
  | { type: 'knowledge.updated'; documentId: string }
  | { type: 'learned.updated'; learnedAnswerId?: string };

const eventTypes: (InboxEvent | KnowledgeEvent)['type'][] = [
  'message.created',
  'message.updated',
  'conversation.updated',
  'channel.updated',
  'suggestion.created',
  'question.updated',
  'knowledge.updated',
  'learned.updated',
];

// The knowledge events are not in the shared inbox contract yet; they are checked here by hand.
function parseKnowledgeEvent(value: unknown): KnowledgeEvent | null {
  const event = value as { type?: unknown; documentId?: unknown; learnedAnswerId?: unknown } | null;
  if (event?.type === 'knowledge.updated' && typeof event.documentId === 'string')
    return { type: 'knowledge.updated', documentId: event.documentId };
  if (event?.type === 'learned.updated')
    return {
      type: 'learned.updated',
      learnedAnswerId: typeof event.learnedAnswerId === 'string' ? event.learnedAnswerId : undefined,
    };
  return null;
}

type Handlers = {
  onEvent?: (event: InboxEvent) => void;
  onKnowledgeEvent?: (event: KnowledgeEvent) => void;
  /** The stream came back after a drop: events may have been missed. */
  onReconnect?: () => void;
};

/**
 * The company's live events (GET /orgs/:orgId/events, Server-Sent Events with the session cookie).
 * EventSource reconnects by itself; every reopen after the first reports onReconnect.
 */
export function useOrgEvents(orgId: string, handlers: Handlers): void {
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    const source = new EventSource(`/api/v1/orgs/${orgId}/events`, { withCredentials: true });
    let opened = false;
    const receive = (message: MessageEvent<string>) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      const result = inboxEventSchema.safeParse(parsed);
      if (result.success) return handlersRef.current.onEvent?.(result.data);
      const knowledge = parseKnowledgeEvent(parsed);
      if (knowledge) handlersRef.current.onKnowledgeEvent?.(knowledge);
    };
    source.addEventListener('open', () => {
      if (opened) handlersRef.current.onReconnect?.();
      opened = true;
    });
    // Named events (event: <type>) and unnamed ones (plain data:) are both accepted.
    source.addEventListener('message', receive);
    for (const type of eventTypes) source.addEventListener(type, receive);
    return () => source.close();
  }, [orgId]);
}
