import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerWithCompany } from '../../testing/company.ts';
import { startTestApp, TEST_APP_URL, type TestApp } from '../../testing/harness.ts';
import type { TestClient } from '../../testing/session.ts';
import { waitFor } from '../../testing/wait.ts';

let t: TestApp;
let owner: TestClient;
let orgId: string;
let channelId: string;
let baseUrl: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ owner, orgId } = await ownerWithCompany(t.app, t.platform));
  channelId = (
    await owner.post(`/api/v1/orgs/${orgId}/channels`, { provider: 'sandbox', name: 'Simulador' })
  ).json().id;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t?.close());

/** Reads server-sent events from a real HTTP connection, as the browser's EventSource does. */
async function openEvents() {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/orgs/${orgId}/events`, {
    headers: { cookie: owner.cookieHeader, origin: TEST_APP_URL },
    signal: controller.signal,
  });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const events: Array<{ type: string; conversationId?: string; messageId?: string }> = [];
  const reader = res.body!.getReader();
  let buffer = '';
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += Buffer.from(value).toString('utf8');
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const data = buffer
            .slice(0, cut)
            .split('\n')
            .find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {}
  })();
  return { events, close: () => controller.abort() };
}

describe('sandbox lead and the live inbox', () => {
  it('a lead writes in the simulator → the inbox hears it live → the seller answers → the lead reads it', async () => {
    const live = await openEvents();
    try {
      const sent = await owner.post(`/api/v1/orgs/${orgId}/channels/${channelId}/sandbox/messages`, {
        leadPhone: '+5511987659999',
        leadName: 'Lead Simulado',
        text: 'Vocês entregam em Campinas?',
      });
      expect(sent.statusCode).toBe(202);
      const created = await waitFor(
        () => live.events.find((e) => e.type === 'message.created'),
        10_000,
        'SSE message.created',
      );
      const conv = (await owner.get(`/api/v1/orgs/${orgId}/conversations/${created.conversationId}`)).json();
      expect(conv).toMatchObject({
        contact: { name: 'Lead Simulado', phone: '+5511987659999' },
        unreadCount: 1,
        channel: { provider: 'sandbox' },
      });

      await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/read`);
      expect((await owner.get(`/api/v1/orgs/${orgId}/conversations/${conv.id}`)).json().unreadCount).toBe(0);

      const reply = (
        await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, {
          text: 'Entregamos sim!',
        })
      ).json();
      const leadView = await waitFor(async () => {
        const r = await owner.get(
          `/api/v1/orgs/${orgId}/channels/${channelId}/sandbox?leadPhone=5511987659999`,
        );
        const m = r
          .json()
          .messages.find(
            (x: { id: string; status: string }) => x.id === reply.id && x.status === 'delivered',
          );
        return m ? r.json().messages : undefined;
      });
      expect(leadView.map((m: { text: string }) => m.text)).toEqual([
        'Vocês entregam em Campinas?',
        'Entregamos sim!',
      ]);
      await waitFor(
        () => live.events.find((e) => e.type === 'message.updated' && e.messageId === reply.id),
        10_000,
        'SSE status update',
      );

      expect(
        (
          await owner.post(`/api/v1/orgs/${orgId}/channels/${channelId}/sandbox/read`, {
            leadPhone: '5511987659999',
          })
        ).statusCode,
      ).toBe(204);
      const read = await waitFor(async () => {
        const m = (await owner.get(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`)).json()
          .messages;
        return m.find((x: { id: string; status: string }) => x.id === reply.id && x.status === 'read');
      });
      expect(read.status).toBe('read');
    } finally {
      live.close();
    }
  });

  it('filters and searches the conversation list, and paginates long histories', async () => {
    for (let i = 0; i < 3; i++) {
      await owner.post(`/api/v1/orgs/${orgId}/channels/${channelId}/sandbox/messages`, {
        leadPhone: `+55119876580${i}0`,
        leadName: `Cliente ${i}`,
        text: i === 1 ? 'Preciso de um orçamento de instalação' : `mensagem ${i}`,
      });
    }
    const search = (q: string) =>
      owner
        .get(`/api/v1/orgs/${orgId}/conversations?q=${encodeURIComponent(q)}`)
        .then((r) => r.json().conversations);
    expect(
      (await search('orcamento instalacao')).map((c: { contact: { name: string } }) => c.contact.name),
    ).toEqual(['Cliente 1']);
    expect((await search('Cliente 2')).map((c: { contact: { name: string } }) => c.contact.name)).toEqual([
      'Cliente 2',
    ]);
    expect((await search('98765801')).length).toBe(1);

    const page1 = (await owner.get(`/api/v1/orgs/${orgId}/conversations?limit=2`)).json();
    expect(page1.conversations).toHaveLength(2);
    const page2 = (
      await owner.get(`/api/v1/orgs/${orgId}/conversations?limit=2&cursor=${page1.nextCursor}`)
    ).json();
    const ids = [...page1.conversations, ...page2.conversations].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);

    const unassigned = (await owner.get(`/api/v1/orgs/${orgId}/conversations?view=unassigned`)).json();
    expect(unassigned.counts.unassigned).toBeGreaterThanOrEqual(3);
    const mine = (await owner.get(`/api/v1/orgs/${orgId}/conversations?view=mine`)).json().conversations;
    expect(mine.map((c: { contact: { name: string } }) => c.contact.name)).toEqual(['Lead Simulado']);

    const conv = page1.conversations[0];
    for (let i = 0; i < 12; i++) {
      await owner.post(`/api/v1/orgs/${orgId}/channels/${channelId}/sandbox/messages`, {
        leadPhone: conv.contact.phone,
        leadName: conv.contact.name,
        text: `linha ${i}`,
      });
    }
    const newest = (
      await owner.get(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages?limit=5`)
    ).json();
    expect(newest.hasMore).toBe(true);
    expect(newest.messages.map((m: { text: string }) => m.text)).toEqual([
      'linha 7',
      'linha 8',
      'linha 9',
      'linha 10',
      'linha 11',
    ]);
    const older = (
      await owner.get(
        `/api/v1/orgs/${orgId}/conversations/${conv.id}/messages?limit=5&before=${newest.messages[0].id}`,
      )
    ).json();
    expect(older.messages.map((m: { text: string }) => m.text)).toEqual([
      'linha 2',
      'linha 3',
      'linha 4',
      'linha 5',
      'linha 6',
    ]);
  });

  it('assigns, labels, closes and reopens a conversation; notes and quick replies', async () => {
    const conv = (await owner.get(`/api/v1/orgs/${orgId}/conversations?q=Lead%20Simulado`)).json()
      .conversations[0];
    const team = (await owner.get(`/api/v1/orgs/${orgId}/team`)).json().teammates;
    const label = (
      await owner.post(`/api/v1/orgs/${orgId}/labels`, { name: 'Quente', color: '#dc2626' })
    ).json();
    expect(
      (await owner.post(`/api/v1/orgs/${orgId}/labels`, { name: 'Quente', color: '#dc2626' })).statusCode,
    ).toBe(409);
    const labelled = (
      await owner.request('PUT', `/api/v1/orgs/${orgId}/conversations/${conv.id}/labels`, {
        labelIds: [label.id],
      })
    ).json();
    expect(labelled.labels).toEqual([label]);
    const filtered = (await owner.get(`/api/v1/orgs/${orgId}/conversations?labelId=${label.id}`)).json()
      .conversations;
    expect(filtered.map((c: { id: string }) => c.id)).toEqual([conv.id]);

    const unassigned = (
      await owner.patch(`/api/v1/orgs/${orgId}/conversations/${conv.id}`, {
        assigneeMemberId: null,
        aiActive: true,
      })
    ).json();
    expect(unassigned).toMatchObject({ assignee: null, aiActive: true });
    const assigned = (
      await owner.patch(`/api/v1/orgs/${orgId}/conversations/${conv.id}`, {
        assigneeMemberId: team[0].memberId,
      })
    ).json();
    expect(assigned.assignee.memberId).toBe(team[0].memberId);
    const closed = (
      await owner.patch(`/api/v1/orgs/${orgId}/conversations/${conv.id}`, { status: 'closed' })
    ).json();
    expect(closed.status).toBe('closed');
    expect(
      (await owner.get(`/api/v1/orgs/${orgId}/conversations?status=closed`))
        .json()
        .conversations.map((c: { id: string }) => c.id),
    ).toContain(conv.id);
    // The lead writes again: a new conversation opens, the closed one stays closed.
    await owner.post(`/api/v1/orgs/${orgId}/channels/${channelId}/sandbox/messages`, {
      leadPhone: '5511987659999',
      leadName: 'Lead Simulado',
      text: 'voltei',
    });
    const reopenedElsewhere = await waitFor(async () => {
      const list = (await owner.get(`/api/v1/orgs/${orgId}/conversations?q=Lead%20Simulado`)).json()
        .conversations;
      return list.find((c: { id: string }) => c.id !== conv.id);
    });
    expect(reopenedElsewhere.status).toBe('open');
    const reopen = await owner.patch(`/api/v1/orgs/${orgId}/conversations/${conv.id}`, { status: 'open' });
    expect(reopen.statusCode).toBe(400);
    expect(reopen.json().error.code).toBe('ALREADY_OPEN');

    const note = await owner.post(`/api/v1/orgs/${orgId}/contacts/${conv.contact.id}/notes`, {
      text: 'Prefere contato à tarde',
    });
    expect(note.statusCode).toBe(201);
    expect(
      (await owner.get(`/api/v1/orgs/${orgId}/contacts/${conv.contact.id}/notes`)).json().notes[0],
    ).toMatchObject({ text: 'Prefere contato à tarde' });
    const renamed = (
      await owner.patch(`/api/v1/orgs/${orgId}/contacts/${conv.contact.id}`, { name: 'Lead Renomeado' })
    ).json();
    expect(renamed.name).toBe('Lead Renomeado');

    const qr = await owner.post(`/api/v1/orgs/${orgId}/quick-replies`, {
      shortcut: 'pix',
      text: 'Nossa chave Pix é 12.345.678/0001-90',
    });
    expect(qr.statusCode).toBe(201);
    expect(
      (await owner.post(`/api/v1/orgs/${orgId}/quick-replies`, { shortcut: 'com espaço', text: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await owner.get(`/api/v1/orgs/${orgId}/quick-replies`))
        .json()
        .quickReplies.map((q: { shortcut: string }) => q.shortcut),
    ).toEqual(['pix']);
  });
});
