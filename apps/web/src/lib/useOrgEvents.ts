import { type InboxEvent, inboxEventSchema } from '@piloto/contracts';
import { useEffect, useRef } from 'react';

const eventTypes: InboxEvent['type'][] = [
  'message.created',
  'message.updated',
  'conversation.updated',
  'channel.updated',
  'suggestion.created',
  'question.updated',
];

type Handlers = {
  onEvent: (event: InboxEvent) => void;
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
      if (result.success) handlersRef.current.onEvent(result.data);
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
