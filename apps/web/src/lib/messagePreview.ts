import type { MessageKindName } from '@piloto/contracts';

const kindLabels: Record<MessageKindName, string> = {
  text: 'Mensagem',
  audio: 'Áudio',
  image: 'Foto',
  video: 'Vídeo',
  document: 'Documento',
  sticker: 'Figurinha',
  location: 'Localização',
  contact: 'Contato',
  reaction: 'Reação',
  unsupported: 'Mensagem não suportada',
};

/** One line for a list or a quote: the text, or what kind of thing was sent. */
export function messagePreview(message: { kind: MessageKindName; text: string | null }): string {
  if (message.kind === 'reaction') return message.text ? `Reagiu com ${message.text}` : 'Reação';
  if (message.text) {
    return message.kind === 'text' ? message.text : `${kindLabels[message.kind]}: ${message.text}`;
  }
  return kindLabels[message.kind];
}
