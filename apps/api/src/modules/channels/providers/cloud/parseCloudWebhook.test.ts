import { cloudPayloads, fakeBsuid } from '@piloto/testkit';
import { describe, expect, it } from 'vitest';
import { type NormalizedEvent, WebhookPayloadError } from '../../provider.ts';
import { parseCloudWebhook } from './parseCloudWebhook.ts';

const LEAD = '5511900000001';
const TS = '1764065730';
const AT = new Date(Number(TS) * 1000);

const parse = (body: unknown): NormalizedEvent[] => parseCloudWebhook(JSON.parse(JSON.stringify(body)));

describe('parseCloudWebhook', () => {
  it('turns a text into an inbound message with phone, BSUID, name and reply target', () => {
    const body = cloudPayloads.text({
      from: LEAD,
      text: 'Oi, tem pronta entrega?',
      id: 'wamid.A1',
      name: 'Maria',
      timestamp: TS,
    });
    expect(parse(body)).toEqual([
      {
        type: 'message',
        providerMessageId: 'wamid.A1',
        direction: 'inbound',
        peer: { phone: LEAD, bsuid: fakeBsuid(LEAD), replyTo: LEAD, name: 'Maria' },
        timestamp: AT,
        kind: 'text',
        text: 'Oi, tem pronta entrega?',
      },
    ]);
  });

  it('keeps a 12-digit Brazilian wa_id raw and replies to it', () => {
    const [event] = parse(
      cloudPayloads.text({ from: '551188887777', text: 'Oi', bsuid: null, timestamp: TS }),
    );
    expect(event).toMatchObject({ peer: { phone: '551188887777', replyTo: '551188887777' } });
    expect(event).not.toHaveProperty('peer.bsuid');
  });

  it('reads a username user who only has a BSUID', () => {
    const body = cloudPayloads.usernameOnly({
      bsuid: 'BR.1502576394655843',
      text: 'Quero saber o preço',
      id: 'wamid.U1',
      name: 'Joana',
      username: 'joana.compras',
      timestamp: TS,
    });
    expect(parse(body)).toEqual([
      {
        type: 'message',
        providerMessageId: 'wamid.U1',
        direction: 'inbound',
        peer: { bsuid: 'BR.1502576394655843', replyTo: 'BR.1502576394655843', name: 'Joana' },
        timestamp: AT,
        kind: 'text',
        text: 'Quero saber o preço',
      },
    ]);
  });

  it('reads voice notes, images and documents as cloud media ids', () => {
    const common = { from: LEAD, name: 'Maria', timestamp: TS };
    const peer = { phone: LEAD, bsuid: fakeBsuid(LEAD), replyTo: LEAD, name: 'Maria' };
    const events = parse(
      cloudPayloads.batch(
        cloudPayloads.audio({ ...common, id: 'wamid.V', mediaId: '111' }),
        cloudPayloads.audio({ ...common, id: 'wamid.M', mediaId: '112', voice: false }),
        cloudPayloads.image({ ...common, id: 'wamid.I', mediaId: '222', caption: 'Esse modelo' }),
        cloudPayloads.document({
          ...common,
          id: 'wamid.D',
          mediaId: '333',
          filename: 'pedido.pdf',
          quotedId: 'wamid.OUT',
        }),
      ),
    );
    const base = { type: 'message', direction: 'inbound', peer, timestamp: AT };
    expect(events).toEqual([
      {
        ...base,
        providerMessageId: 'wamid.V',
        kind: 'audio',
        media: {
          ref: { source: 'cloud_media_id', mediaId: '111' },
          mimeType: 'audio/ogg; codecs=opus',
          voice: true,
        },
      },
      {
        ...base,
        providerMessageId: 'wamid.M',
        kind: 'audio',
        media: { ref: { source: 'cloud_media_id', mediaId: '112' }, mimeType: 'audio/mpeg', voice: false },
      },
      {
        ...base,
        providerMessageId: 'wamid.I',
        kind: 'image',
        media: {
          ref: { source: 'cloud_media_id', mediaId: '222' },
          mimeType: 'image/jpeg',
          caption: 'Esse modelo',
        },
      },
      {
        ...base,
        providerMessageId: 'wamid.D',
        kind: 'document',
        quotedProviderMessageId: 'wamid.OUT',
        media: {
          ref: { source: 'cloud_media_id', mediaId: '333' },
          mimeType: 'application/pdf',
          fileName: 'pedido.pdf',
        },
      },
    ]);
  });

  it('reads reactions, button/list replies, template buttons and locations', () => {
    const common = { from: LEAD, bsuid: null, timestamp: TS };
    const events = parse(
      cloudPayloads.batch(
        cloudPayloads.reaction({ ...common, id: 'wamid.R', messageId: 'wamid.OUT', emoji: '👍' }),
        cloudPayloads.reaction({ ...common, id: 'wamid.R2', messageId: 'wamid.OUT' }),
        cloudPayloads.interactiveReply({ ...common, id: 'wamid.B', replyId: 'yes', title: 'Sim, quero' }),
        cloudPayloads.interactiveReply({
          ...common,
          id: 'wamid.L',
          replyId: 'p2',
          title: 'Plano anual',
          kind: 'list_reply',
        }),
        cloudPayloads.button({ ...common, id: 'wamid.T', text: 'Parar promoções' }),
        cloudPayloads.location({
          ...common,
          id: 'wamid.G',
          latitude: -23.55,
          longitude: -46.63,
          name: 'Loja',
        }),
      ),
    );
    expect(
      events.map((e) => (e.type === 'message' ? [e.kind, e.text ?? e.reaction ?? e.location] : e)),
    ).toEqual([
      ['reaction', { targetProviderMessageId: 'wamid.OUT', emoji: '👍' }],
      ['reaction', { targetProviderMessageId: 'wamid.OUT', emoji: '' }],
      ['text', 'Sim, quero'],
      ['text', 'Plano anual'],
      ['text', 'Parar promoções'],
      ['location', { latitude: -23.55, longitude: -46.63, name: 'Loja' }],
    ]);
  });

  it('reads a batch of two messages and a failed status, across changes and entries', () => {
    const batch = cloudPayloads.batch(
      cloudPayloads.text({ from: LEAD, text: 'Primeira', id: 'wamid.1', timestamp: TS }),
      cloudPayloads.text({
        from: '5511900000002',
        text: 'Segunda',
        id: 'wamid.2',
        timestamp: TS,
        name: 'João',
      }),
      cloudPayloads.status('wamid.OUT', 'failed', {
        timestamp: TS,
        errors: [{ code: 131047, title: 'Re-engagement message', details: 'More than 24 hours have passed' }],
      }),
    );
    // A second entry (another number of the same app) must be read too.
    batch.entry.push(
      cloudPayloads.status('wamid.OUT2', 'read', { timestamp: TS, phoneNumberId: '999' }).entry[0],
    );

    const events = parse(batch);
    expect(events.map((e) => e.type)).toEqual(['message', 'message', 'status', 'status']);
    expect(events[0]).toMatchObject({
      providerMessageId: 'wamid.1',
      text: 'Primeira',
      peer: { replyTo: LEAD },
    });
    expect(events[1]).toMatchObject({
      providerMessageId: 'wamid.2',
      text: 'Segunda',
      peer: { name: 'João' },
    });
    expect(events[2]).toEqual({
      type: 'status',
      providerMessageId: 'wamid.OUT',
      status: 'failed',
      timestamp: AT,
      error: { code: '131047', message: 'Re-engagement message: More than 24 hours have passed' },
    });
    expect(events[3]).toEqual({
      type: 'status',
      providerMessageId: 'wamid.OUT2',
      status: 'read',
      timestamp: AT,
    });
  });

  it('matches each message of one value to its own contact', () => {
    const one = cloudPayloads.text({ from: LEAD, text: 'a', id: 'wamid.1', name: 'Maria', timestamp: TS });
    const two = cloudPayloads.text({
      from: '5511900000002',
      text: 'b',
      id: 'wamid.2',
      name: 'João',
      timestamp: TS,
    });
    const value = one.entry[0].changes[0].value as { contacts: unknown[]; messages: unknown[] };
    const other = two.entry[0].changes[0].value as { contacts: unknown[]; messages: unknown[] };
    value.contacts.push(...other.contacts);
    value.messages.push(...other.messages);
    expect(parse(one).map((e) => (e.type === 'message' ? e.peer.name : e))).toEqual(['Maria', 'João']);
  });

  it('maps every delivery status and ignores unknown ones', () => {
    for (const status of ['sent', 'delivered', 'read', 'played'] as const) {
      expect(parse(cloudPayloads.status('wamid.X', status, { timestamp: TS }))).toEqual([
        { type: 'status', providerMessageId: 'wamid.X', status, timestamp: AT },
      ]);
    }
    const odd = cloudPayloads.status('wamid.X', 'sent', { timestamp: TS });
    (odd.entry[0].changes[0].value.statuses as Array<{ status: string }>)[0].status = 'deleted';
    expect(parse(odd)).toEqual([{ type: 'ignored', reason: 'cloud: status "deleted"' }]);
  });

  it('ignores unsupported, system, group and unknown messages, other fields and value errors', () => {
    const common = { from: LEAD, timestamp: TS };
    const group = cloudPayloads.text({ ...common, text: 'no grupo' });
    (group.entry[0].changes[0].value.messages as Array<Record<string, unknown>>)[0].group_id = 'G1';
    const order = cloudPayloads.text({ ...common, text: 'x' });
    (order.entry[0].changes[0].value.messages as Array<Record<string, unknown>>)[0].type = 'order';
    const template = cloudPayloads.text({ ...common, text: 'x' });
    template.entry[0].changes[0].field = 'message_template_status_update';

    expect(
      parse(
        cloudPayloads.batch(
          cloudPayloads.unsupported(common),
          cloudPayloads.system(common),
          group,
          order,
          template,
          cloudPayloads.valueError({ code: 131051, title: 'Message type unknown' }),
        ),
      ),
    ).toEqual([
      { type: 'ignored', reason: 'cloud: unsupported message (poll_creation)' },
      { type: 'ignored', reason: 'cloud: system message (user_changed_number)' },
      { type: 'ignored', reason: 'cloud: group message' },
      { type: 'ignored', reason: 'cloud: unsupported message type "order"' },
      { type: 'ignored', reason: 'cloud: webhook field "message_template_status_update"' },
      { type: 'ignored', reason: 'cloud: webhook error 131051 (Message type unknown)' },
    ]);
  });

  it('rejects what does not match the envelope with a short reason', () => {
    const noBody = cloudPayloads.text({ from: LEAD, text: 'x' });
    delete (noBody.entry[0].changes[0].value.messages as Array<{ text?: unknown }>)[0].text;
    const noSender = cloudPayloads.usernameOnly({ bsuid: 'BR.1', text: 'x' });
    const value = noSender.entry[0].changes[0].value as {
      contacts?: unknown;
      messages: Array<Record<string, unknown>>;
    };
    delete value.contacts;
    delete value.messages[0].from_user_id;
    const badTimestamp = cloudPayloads.status('wamid.X', 'read', { timestamp: '2026-11-26' });

    const cases: Array<[unknown, RegExp]> = [
      [null, /^cloud: body: /],
      [{ object: 'page', entry: [] }, /^cloud: object: /],
      [{ object: 'whatsapp_business_account' }, /^cloud: entry: /],
      [noBody, /^cloud: entry\[0\]\.changes\[0\]\.value\.messages\[0\]\.text: /],
      [noSender, /without from or from_user_id/],
      [badTimestamp, /statuses\[0\]\.timestamp: timestamp must be epoch seconds/],
    ];
    for (const [body, reason] of cases) {
      expect(() => parseCloudWebhook(body)).toThrow(WebhookPayloadError);
      expect(() => parseCloudWebhook(body)).toThrow(reason);
    }
  });
});
