import type { OpenAIMessageWire } from './chatCompletionPayloads.ts';
import type { ChatRequestError } from './findChatRequestError.ts';

/** An `image_url` content part as the fake received it; data URLs come back decoded. */
export type FakeOpenAIImage = {
  messageIndex: number;
  url: string;
  detail?: string;
  /** From a `data:` URL. */
  mimeType?: string;
  bytes?: Buffer;
};

/** The image formats api.openai.com accepts, by the bytes' signature. */
const IMAGE_SIGNATURES: { mimeType: string; matches: (b: Buffer) => boolean }[] = [
  { mimeType: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  { mimeType: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mimeType: 'image/gif', matches: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    mimeType: 'image/webp',
    matches: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** Every image the messages carry, in order, for assertions ("the photo reached the model"). */
export function imageContentParts(messages: OpenAIMessageWire[]): FakeOpenAIImage[] {
  const images: FakeOpenAIImage[] = [];
  messages.forEach((message, messageIndex) => {
    if (!Array.isArray(message.content)) return;
    for (const part of message.content) {
      if (part.type !== 'image_url') continue;
      const imageUrl = part.image_url as { url?: unknown; detail?: unknown } | undefined;
      const url = typeof imageUrl?.url === 'string' ? imageUrl.url : '';
      const detail = typeof imageUrl?.detail === 'string' ? imageUrl.detail : undefined;
      const data = /^data:([^;,]+);base64,(.*)$/s.exec(url);
      images.push({
        messageIndex,
        url,
        detail,
        ...(data ? { mimeType: data[1], bytes: Buffer.from(data[2], 'base64') } : {}),
      });
    }
  });
  return images;
}

/** OpenAI's 400 for an image it cannot read (wording and code as api.openai.com sends them). */
export function findImageContentError(messages: OpenAIMessageWire[]): ChatRequestError | undefined {
  for (const image of imageContentParts(messages)) {
    if (!image.url) {
      return {
        message: `Invalid 'messages[${image.messageIndex}].content': image_url must have a url.`,
        param: `messages.[${image.messageIndex}].content`,
        code: null,
      };
    }
    if (!image.url.startsWith('data:')) continue; // remote URLs are fetched by OpenAI; the fake trusts them
    const signature = image.bytes && IMAGE_SIGNATURES.find((s) => s.matches(image.bytes as Buffer));
    if (!signature) {
      return {
        message:
          "You uploaded an unsupported image. Please make sure your image has of one the following formats: ['png', 'jpeg', 'gif', 'webp'].",
        param: null,
        code: 'invalid_image_format',
      };
    }
  }
  return undefined;
}
