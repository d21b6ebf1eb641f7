import { zapiPayloads } from '@piloto/testkit';
import { describe, expect, it } from 'vitest';
import { WebhookPayloadError } from '../../provider.ts';
import { parseZapiWebhook } from './parseZapiWebhook.ts';

const LEAD = '5511900000001';
const MOMMENT = 1_760_000_000_000;
const AT = new Date(MOMMENT);
/** Through JSON, as the webhook route hands bodies over. */
const parse = (body: unknown) => parseZapiWebhook(JSON.parse(JSON.stringify(body)));
const MEDIA_URL = 'https://storage.z-api.io/instances/X/a1b2c3.ogg';

describe('parseWebhook: ReceivedCallback', () => {
  it('turns an inbound text into a message from the lead', () => {
    const body = zapiPayloads.receivedText({
      text: 'Oi, quanto custa?',
      messageId: 'AAA111',
      senderName: 'Maria Silva',
      momment: MOMMENT,
    });
    expect(parse(body)).toEqual([
      {
        type: 'message',
        providerMessageId: 'AAA111',
        direction: 'inbound',
        peer: { phone: LEAD, replyTo: LEAD, name: 'Maria Silva' },
        timestamp: AT,
        kind: 'text',
        text: 'Oi, quanto custa?',
      },
    ]);
  });

  it('keeps a 12-digit Brazilian number as Z-API wrote it', () => {
    const [event] = parse(zapiPayloads.receivedText({ phone: '553188887777', text: 'oi', momment: MOMMENT }));
    expect(event).toMatchObject({ peer: { phone: '553188887777', replyTo: '553188887777' } });
  });

  it('takes the LID from chatLid when the number is also known', () => {
    const [event] = parse(
      zapiPayloads.receivedText({
        text: 'oi',
        chatLid: '111222333444555@lid',
        senderLid: '111222333444555@lid',
      }),
    );
    expect(event).toMatchObject({ peer: { phone: LEAD, lid: '111222333444555@lid', replyTo: LEAD } });
  });

  it('addresses a LID-only sender by its LID, with no phone', () => {
    const [event] = parse(
      zapiPayloads.receivedFromLid({
        lid: '65998849469@lid',
        text: 'oi',
        senderName: 'Ana',
        momment: MOMMENT,
      }),
    );
    expect(event).toEqual({
      type: 'message',
      providerMessageId: expect.any(String),
      direction: 'inbound',
      peer: { lid: '65998849469@lid', replyTo: '65998849469@lid', name: 'Ana' },
      timestamp: AT,
      kind: 'text',
      text: 'oi',
    });
  });

  it('ignores a name that is only the number', () => {
    const [event] = parse(zapiPayloads.receivedText({ text: 'oi', senderName: LEAD, chatName: LEAD }));
    expect(event).toMatchObject({ peer: { phone: LEAD, replyTo: LEAD } });
    expect((event as { peer: { name?: string } }).peer.name).toBeUndefined();
  });

  it('records what the seller typed on the phone as outbound_phone, named after the chat', () => {
    const [event] = parse(
      zapiPayloads.receivedText({
        text: 'Já te mando a proposta',
        fromMe: true,
        senderName: 'Loja do João',
        chatName: 'Maria Silva',
        senderLid: '999@lid',
        messageId: 'BBB222',
        momment: MOMMENT,
      }),
    );
    expect(event).toEqual({
      type: 'message',
      providerMessageId: 'BBB222',
      direction: 'outbound_phone',
      peer: { phone: LEAD, replyTo: LEAD, name: 'Maria Silva' },
      timestamp: AT,
      kind: 'text',
      text: 'Já te mando a proposta',
    });
  });

  it('ignores the echo of our own API sends', () => {
    expect(parse(zapiPayloads.receivedText({ text: 'x', fromMe: true, fromApi: true }))).toEqual([
      { type: 'ignored', reason: 'own_api_send_echo' },
    ]);
  });

  it('marks a recorded audio as a voice note and keeps an audio file as audio', () => {
    const [voice] = parse(zapiPayloads.receivedAudio({ url: MEDIA_URL, seconds: 7, momment: MOMMENT }));
    expect(voice).toMatchObject({
      kind: 'audio',
      media: {
        ref: { source: 'url', url: MEDIA_URL },
        mimeType: 'audio/ogg; codecs=opus',
        seconds: 7,
        voice: true,
      },
    });
    const [file] = parse(
      zapiPayloads.receivedAudio({ url: MEDIA_URL, voice: false, mimeType: 'audio/mpeg' }),
    );
    expect(file).toMatchObject({ kind: 'audio', media: { voice: false, mimeType: 'audio/mpeg' } });
  });

  it('reads image, video, document and sticker media refs', () => {
    const url = 'https://storage.z-api.io/f/1.jpg';
    expect(parse(zapiPayloads.receivedImage({ url, caption: 'Esse modelo' }))[0]).toMatchObject({
      kind: 'image',
      media: { ref: { source: 'url', url }, mimeType: 'image/jpeg', caption: 'Esse modelo' },
    });
    const [image] = parse(zapiPayloads.receivedImage({ url }));
    expect((image as { media: object }).media).toEqual({
      ref: { source: 'url', url },
      mimeType: 'image/jpeg',
    });
    expect(parse(zapiPayloads.receivedVideo({ url, seconds: 12 }))[0]).toMatchObject({
      kind: 'video',
      media: { ref: { source: 'url', url }, mimeType: 'video/mp4', seconds: 12 },
    });
    expect(parse(zapiPayloads.receivedDocument({ url, fileName: 'orcamento.pdf' }))[0]).toMatchObject({
      kind: 'document',
      media: { ref: { source: 'url', url }, mimeType: 'application/pdf', fileName: 'orcamento.pdf' },
    });
    expect(parse(zapiPayloads.receivedSticker({ url }))[0]).toMatchObject({
      kind: 'sticker',
      media: { ref: { source: 'url', url }, mimeType: 'image/webp' },
    });
  });

  it('reads location, contact and reaction', () => {
    expect(
      parse(
        zapiPayloads.receivedLocation({
          latitude: -23.55,
          longitude: -46.63,
          name: 'Loja',
          address: 'Av. X',
        }),
      )[0],
    ).toMatchObject({
      kind: 'location',
      location: { latitude: -23.55, longitude: -46.63, name: 'Loja', address: 'Av. X' },
    });
    const [location] = parse(zapiPayloads.receivedLocation({ latitude: 1, longitude: 2 }));
    expect((location as { location: object }).location).toEqual({ latitude: 1, longitude: 2 });
    expect(
      parse(zapiPayloads.receivedContact({ name: 'Pedro', phones: ['5511900000003'] }))[0],
    ).toMatchObject({
      kind: 'contact',
      contacts: [{ name: 'Pedro', phones: ['5511900000003'] }],
    });
    expect(parse(zapiPayloads.receivedReaction({ emoji: '❤️', targetMessageId: 'OUR1' }))[0]).toMatchObject({
      kind: 'reaction',
      reaction: { targetProviderMessageId: 'OUR1', emoji: '❤️' },
    });
  });

  it('links a reply to the quoted message', () => {
    const [event] = parse(zapiPayloads.receivedText({ text: 'sim', referenceMessageId: 'OUR1' }));
    expect(event).toMatchObject({ kind: 'text', quotedProviderMessageId: 'OUR1' });
  });

  it('turns an edited text into an edit event', () => {
    expect(
      parse(zapiPayloads.receivedEdit({ messageId: 'AAA111', text: 'Quero 3', momment: MOMMENT })),
    ).toEqual([{ type: 'edit', providerMessageId: 'AAA111', text: 'Quero 3', timestamp: AT }]);
  });

  it('ignores groups, newsletters, broadcasts, status replies, notifications and undecrypted messages', () => {
    const reasons = [
      zapiPayloads.groupMessage({ text: 'oi grupo' }),
      zapiPayloads.received({ overrides: { isNewsletter: true, phone: '120363000000000009@newsletter' } }),
      zapiPayloads.received({ overrides: { broadcast: true } }),
      zapiPayloads.received({ overrides: { isStatusReply: true } }),
      zapiPayloads.notification({ notification: 'CALL_MISSED_VOICE' }),
      zapiPayloads.received({ overrides: { waitingMessage: true } }),
    ].map((body) => parse(body));
    expect(reasons).toEqual([
      [{ type: 'ignored', reason: 'group' }],
      [{ type: 'ignored', reason: 'newsletter' }],
      [{ type: 'ignored', reason: 'broadcast' }],
      [{ type: 'ignored', reason: 'status_reply' }],
      [{ type: 'ignored', reason: 'notification:CALL_MISSED_VOICE' }],
      [{ type: 'ignored', reason: 'waiting_message' }],
    ]);
  });

  it('keeps unknown content as unsupported', () => {
    const body = zapiPayloads.received({
      overrides: { text: undefined, poll: { question: 'Qual?', options: [] } },
    });
    expect(parse(body)[0]).toMatchObject({ type: 'message', kind: 'unsupported' });
  });
});

describe('parseWebhook: statuses and instance events', () => {
  it('emits one status per acknowledged id', () => {
    expect(parse(zapiPayloads.status(['M1', 'M2'], 'READ', { momment: MOMMENT }))).toEqual([
      { type: 'status', providerMessageId: 'M1', status: 'read', timestamp: AT },
      { type: 'status', providerMessageId: 'M2', status: 'read', timestamp: AT },
    ]);
    const mapped = (['SENT', 'RECEIVED', 'PLAYED'] as const).map(
      (s) => (parse(zapiPayloads.status('M1', s))[0] as { status: string }).status,
    );
    expect(mapped).toEqual(['sent', 'delivered', 'played']);
    expect(parse(zapiPayloads.status('M1', 'READ_BY_ME'))).toEqual([
      { type: 'ignored', reason: 'status:READ_BY_ME' },
    ]);
  });

  it('reports a failed delivery and ignores a successful one', () => {
    expect(parse(zapiPayloads.deliveryError({ messageId: 'M9', momment: MOMMENT }))).toEqual([
      {
        type: 'status',
        providerMessageId: 'M9',
        status: 'failed',
        timestamp: AT,
        error: { code: 'DELIVERY_ERROR', message: 'Phone number does not exist' },
      },
    ]);
    expect(parse(zapiPayloads.deliveryError({ messageId: 'M9', errorCode: 'SHADOW_BAN' }))[0]).toMatchObject({
      error: { code: 'SHADOW_BAN' },
    });
    expect(parse(zapiPayloads.delivery({ messageId: 'M9' }))).toEqual([
      { type: 'ignored', reason: 'delivery_ok' },
    ]);
  });

  it('reports connection changes and ignores presence', () => {
    expect(parse(zapiPayloads.disconnected())).toEqual([
      { type: 'connection', state: 'disconnected', detail: 'Device has been disconnected' },
    ]);
    expect(parse(zapiPayloads.connected())).toEqual([{ type: 'connection', state: 'connected' }]);
    expect(parse(zapiPayloads.presence({ status: 'COMPOSING' }))).toEqual([
      { type: 'ignored', reason: 'presence:COMPOSING' },
    ]);
  });

  it('rejects malformed and unknown payloads with WebhookPayloadError', () => {
    const { messageId: _, ...withoutId } = zapiPayloads.receivedText({ text: 'oi' });
    const cases: unknown[] = [
      withoutId,
      { ...zapiPayloads.receivedText({ text: 'oi' }), momment: undefined },
      zapiPayloads.receivedImage({ url: 'not a url' }),
      { ...zapiPayloads.status('M1', 'READ'), ids: [] },
      { type: 'SomethingNewCallback' },
      { phone: LEAD },
      [],
      'text',
      null,
    ];
    for (const body of cases) {
      expect(() => parse(body), JSON.stringify(body)).toThrow(WebhookPayloadError);
    }
    expect(() => parse({ type: 'SomethingNewCallback' })).toThrow(/desconhecido/);
    expect(() => parse(withoutId)).toThrow(/messageId/);
  });
});
