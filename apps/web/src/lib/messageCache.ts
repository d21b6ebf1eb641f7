import type { Message } from '@piloto/contracts';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { api } from './apiClient.ts';
import { inboxKeys } from './queryKeys.ts';

/** One page of GET …/messages: oldest → newest. Page 0 in the cache is the newest page. */
export type MessagePage = { messages: Message[]; hasMore: boolean };
export type MessagePages = InfiniteData<MessagePage, unknown>;

export const messagePageSize = 50;

export function messagesPath(orgId: string, conversationId: string, before?: string): string {
  const params = new URLSearchParams({ limit: String(messagePageSize) });
  if (before) params.set('before', before);
  return `/orgs/${orgId}/conversations/${conversationId}/messages?${params}`;
}

/** The loaded pages as one chronological list. */
export function flattenMessages(data: MessagePages | undefined): Message[] {
  if (!data) return [];
  const out: Message[] = [];
  for (let i = data.pages.length - 1; i >= 0; i--) out.push(...data.pages[i].messages);
  return out;
}

/** Replaces known messages in place; unknown ones join the newest page in time order. */
export function upsertMessages(data: MessagePages, incoming: Message[]): MessagePages {
  if (incoming.length === 0) return data;
  const byId = new Map(incoming.map((m) => [m.id, m]));
  const pages = data.pages.map((page) => {
    let changed = false;
    const messages = page.messages.map((m) => {
      const next = byId.get(m.id);
      if (!next) return m;
      byId.delete(m.id);
      changed = true;
      return next;
    });
    return changed ? { ...page, messages } : page;
  });
  if (byId.size > 0 && pages.length > 0) {
    const newest = [...pages[0].messages, ...byId.values()].sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
    pages[0] = { ...pages[0], messages: newest };
  }
  return { ...data, pages };
}

export function removeMessage(data: MessagePages, messageId: string): MessagePages {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      messages: page.messages.filter((m) => m.id !== messageId),
    })),
  };
}

export function updateMessagesCache(
  queryClient: QueryClient,
  orgId: string,
  conversationId: string,
  update: (data: MessagePages) => MessagePages,
): void {
  queryClient.setQueryData<MessagePages>(inboxKeys.messages(orgId, conversationId), (old) =>
    old ? update(old) : old,
  );
}

/**
 * A live event touched this conversation: fetch only the newest page and merge it, instead of
 * refetching every page scrolled through so far. No-op when the conversation is not in the cache.
 */
export async function refreshLatestMessages(
  queryClient: QueryClient,
  orgId: string,
  conversationId: string,
): Promise<void> {
  const key = inboxKeys.messages(orgId, conversationId);
  if (!queryClient.getQueryData(key)) return;
  const latest = await api.get<MessagePage>(messagesPath(orgId, conversationId));
  updateMessagesCache(queryClient, orgId, conversationId, (data) => upsertMessages(data, latest.messages));
}
