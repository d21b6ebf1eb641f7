import {
  EVOLUTION_LEAD_LID,
  EVOLUTION_LEAD_PHONE,
  evolutionEnvelope,
  evolutionPayloads,
} from '@piloto/testkit';
import { describe, expect, it } from 'vitest';
import { type NormalizedMessage, WebhookPayloadError } from '../../provider.ts';
import { evolutionProvider } from './evolution.ts';

// Through the provider (and a JSON round trip) so the tests see exactly what the webhook route sees.
const parse = (body: unknown) => evolutionProvider.parseWebhook(JSON.parse(JSON.stringify(body)));
const TS = 1764065730;
const leadJid = `${EVOLUTION_LEAD_PHONE}@s.whatsapp.net`;

function onlyMessage(body: unknown): NormalizedMessage {
  const events = parse(body);
  expect(events).toHaveLength(1);
  expect(events[0].type).toBe('message');
  return events[0] as NormalizedMessage;
}

describe('evolution parseWebhook', () => {
  it('inbound text with remoteJidAlt carries phone and LID', () => {
    const body = evolutionPayloads.upsertText({
      text: 'Oi, quanto custa?',
      keyId: '3EB0AAA',
      pushName: 'Maria',
      lid: EVOLUTION_LEAD_LID,
      timestamp: TS,
    });
    expect(parse(body)).toEqual([
      {
        type: 'message',
        providerMessageId: '3EB0AAA',
        direction: 'inbound',
        peer: { phone: EVOLUTION_LEAD_PHONE, lid: EVOLUTION_LEAD_LID, replyTo: leadJid, name: 'Maria' },
        timestamp: new Date(TS * 1000),
        kind: 'text',
        text: 'Oi, quanto custa?',
      },
    ]);
  });

  it('fromMe upsert is outbound_phone without the business pushName; string timestamp accepted', () => {
    const msg = onlyMessage(
      evolutionPayloads.upsertText({
        text: 'Enviado do celular',
        fromMe: true,
        keyId: 'K1',
        timestamp: String(TS),
      }),
    );
    expect(msg.direction).toBe('outbound_phone');
    expect(msg.peer).toEqual({ phone: EVOLUTION_LEAD_PHONE, replyTo: leadJid });
    expect(msg.timestamp).toEqual(new Date(TS * 1000));
  });

  it('strips the device suffix from the phone but keeps replyTo as given', () => {
    const msg = onlyMessage(evolutionPayloads.upsertText({ text: 'oi', device: 12 }));
    expect(msg.peer.phone).toBe(EVOLUTION_LEAD_PHONE);
    expect(msg.peer.replyTo).toBe(`${EVOLUTION_LEAD_PHONE}:12@s.whatsapp.net`);
  });

  it('quoted reply exposes contextInfo.stanzaId', () => {
    const msg = onlyMessage(evolutionPayloads.upsertText({ text: 'esse aí', quotedKeyId: '3EB0QUOTED' }));
    expect(msg.quotedProviderMessageId).toBe('3EB0QUOTED');
  });

  it('LID-only upsert without remoteJidAlt has only the LID', () => {
    const msg = onlyMessage(evolutionPayloads.upsertLidOnly({ text: 'oi', pushName: 'Ana' }));
    expect(msg.peer).toEqual({ lid: EVOLUTION_LEAD_LID, replyTo: EVOLUTION_LEAD_LID, name: 'Ana' });
  });

  it('LID-only upsert with remoteJidAlt carries both identities', () => {
    const msg = onlyMessage(evolutionPayloads.upsertLidOnly({ phone: EVOLUTION_LEAD_PHONE }));
    expect(msg.peer).toMatchObject({
      phone: EVOLUTION_LEAD_PHONE,
      lid: EVOLUTION_LEAD_LID,
      replyTo: EVOLUTION_LEAD_LID,
    });
  });

  it('Baileys 6 senderPn gives the phone of a LID chat', () => {
    const msg = onlyMessage(evolutionPayloads.upsertLidOnly({ phone: EVOLUTION_LEAD_PHONE, baileys6: true }));
    expect(msg.peer).toMatchObject({
      phone: EVOLUTION_LEAD_PHONE,
      lid: EVOLUTION_LEAD_LID,
      replyTo: EVOLUTION_LEAD_LID,
    });
  });

  it('voice note: inline base64 → base64 ref, ptt → voice', () => {
    const audio = Buffer.from('OggS fake opus');
    const msg = onlyMessage(evolutionPayloads.upsertAudio({ keyId: 'A1', base64: audio, seconds: 9 }));
    expect(msg.kind).toBe('audio');
    expect(msg.media).toEqual({
      ref: { source: 'base64', base64: audio.toString('base64') },
      mimeType: 'audio/ogg; codecs=opus',
      sizeBytes: audio.length,
      seconds: 9,
      voice: true,
    });
  });

  it('audio without base64 → evolution_message ref; ptt false → not voice', () => {
    const msg = onlyMessage(evolutionPayloads.upsertAudio({ keyId: 'A2', ptt: false }));
    expect(msg.media?.ref).toEqual({ source: 'evolution_message', messageKeyId: 'A2' });
    expect(msg.media?.voice).toBe(false);
  });

  it('image with mediaUrl → url ref and caption', () => {
    const msg = onlyMessage(
      evolutionPayloads.upsertImage({ caption: 'olha essa', mediaUrl: 'https://s3.example.com/a.jpg' }),
    );
    expect(msg.kind).toBe('image');
    expect(msg.media).toMatchObject({
      ref: { source: 'url', url: 'https://s3.example.com/a.jpg' },
      mimeType: 'image/jpeg',
      caption: 'olha essa',
    });
  });

  it('document, plain and with caption (documentWithCaptionMessage)', () => {
    const plain = onlyMessage(evolutionPayloads.upsertDocument({ keyId: 'D1', fileName: 'nota.pdf' }));
    expect(plain.kind).toBe('document');
    expect(plain.media).toMatchObject({
      ref: { source: 'evolution_message', messageKeyId: 'D1' },
      mimeType: 'application/pdf',
      fileName: 'nota.pdf',
    });
    const captioned = onlyMessage(evolutionPayloads.upsertDocument({ caption: 'segue', fileName: 'x.pdf' }));
    expect(captioned.media).toMatchObject({ fileName: 'x.pdf', caption: 'segue' });
  });

  it('location and reaction', () => {
    expect(onlyMessage(evolutionPayloads.upsertLocation({ name: 'Loja' })).location).toEqual({
      latitude: -23.55052,
      longitude: -46.633308,
      name: 'Loja',
    });
    expect(onlyMessage(evolutionPayloads.upsertReaction({ targetKeyId: 'T1', emoji: '❤️' })).reaction).toEqual(
      {
        targetProviderMessageId: 'T1',
        emoji: '❤️',
      },
    );
  });

  it('group, status@broadcast and send.message are ignored', () => {
    expect(parse(evolutionPayloads.upsertGroup())).toEqual([
      { type: 'ignored', reason: 'mensagem de grupo' },
    ]);
    const story = evolutionPayloads.upsertText({ text: 'story' });
    (story.data.key as { remoteJid: string }).remoteJid = 'status@broadcast';
    expect(parse(story)[0].type).toBe('ignored');
    expect(parse(evolutionPayloads.sendMessageEcho({ text: 'oi' }))[0].type).toBe('ignored');
  });

  it('revoke and edit (names or numeric enums; upsert or messages.edited)', () => {
    expect(parse(evolutionPayloads.revoke('T1', { timestamp: TS }))).toEqual([
      { type: 'delete', providerMessageId: 'T1', timestamp: new Date(TS * 1000) },
    ]);
    expect(parse(evolutionPayloads.revoke('T1', { enumsAsNumbers: true }))[0]).toMatchObject({
      type: 'delete',
    });
    expect(parse(evolutionPayloads.edit('T2', 'corrigido', { enumsAsNumbers: true }))[0]).toMatchObject({
      type: 'edit',
      providerMessageId: 'T2',
      text: 'corrigido',
    });
    expect(parse(evolutionPayloads.messagesEdited('T3', 'novo'))[0]).toMatchObject({
      type: 'edit',
      text: 'novo',
    });
    expect(parse(evolutionPayloads.messagesEdited('T4', null))[0]).toMatchObject({ type: 'delete' });
    expect(parse(evolutionPayloads.messagesDelete('T5'))[0]).toMatchObject({
      type: 'delete',
      providerMessageId: 'T5',
    });
  });

  it('other protocol messages are ignored', () => {
    const body = evolutionPayloads.revoke('T1');
    (body.data.message as { protocolMessage: { type: string } }).protocolMessage.type = 'EPHEMERAL_SETTING';
    expect(parse(body)[0].type).toBe('ignored');
  });

  it('messages.update → status events, DELETED → delete', () => {
    const cases = [
      ['SERVER_ACK', 'sent'],
      ['DELIVERY_ACK', 'delivered'],
      ['READ', 'read'],
      ['PLAYED', 'played'],
      ['ERROR', 'failed'],
    ] as const;
    for (const [wire, status] of cases) {
      const body = evolutionPayloads.statusUpdate('3EB0S', wire);
      expect(parse(body)).toEqual([
        {
          type: 'status',
          providerMessageId: '3EB0S',
          status,
          timestamp: new Date(body.date_time),
          ...(status === 'failed' ? { error: { code: 'ERROR', message: expect.any(String) } } : {}),
        },
      ]);
    }
    expect(parse(evolutionPayloads.statusUpdate('3EB0S', 'DELETED'))[0]).toMatchObject({ type: 'delete' });
    expect(parse(evolutionPayloads.statusUpdate('3EB0S', 'READ', { fromMe: false }))[0].type).toBe('ignored');
  });

  it('connection.update and qrcode.updated', () => {
    expect(parse(evolutionPayloads.connectionUpdate('open'))).toEqual([
      { type: 'connection', state: 'connected' },
    ]);
    expect(parse(evolutionPayloads.connectionUpdate('close', { statusReason: 401 }))[0]).toMatchObject({
      type: 'connection',
      state: 'disconnected',
      detail: expect.stringContaining('QR'),
    });
    expect(parse(evolutionPayloads.connectionUpdate('connecting'))[0].type).toBe('ignored');
    expect(parse(evolutionPayloads.qrcodeUpdated())).toEqual([{ type: 'connection', state: 'qr_needed' }]);
  });

  it('known unconsumed events are ignored; unknown events and bad shapes throw', () => {
    expect(parse(evolutionEnvelope('presence.update', { id: leadJid }))[0].type).toBe('ignored');
    expect(() => parse(evolutionEnvelope('foo.bar', {}))).toThrow(WebhookPayloadError);
    expect(() => parse({ hello: 'world' })).toThrow(WebhookPayloadError);
    const noKey = evolutionPayloads.upsertText({ text: 'x' });
    delete (noKey.data as { key?: unknown }).key;
    expect(() => parse(noKey)).toThrow(/key/);
    expect(() => parse(evolutionEnvelope('messages.update', { keyId: 'x', status: 'WEIRD' }))).toThrow(
      WebhookPayloadError,
    );
  });
});
