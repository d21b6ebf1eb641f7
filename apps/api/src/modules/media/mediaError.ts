import { AppError } from '../../platform/errors.ts';

export type MediaErrorCode = 'too_big' | 'unsupported' | 'corrupt' | 'silent' | 'too_long';

export type MediaKind = 'audio' | 'image';

/** What the message may mention: which kind of file, and the limit it went over. */
export type MediaErrorContext = { kind?: MediaKind; maxBytes?: number; maxSeconds?: number };

/**
 * A file from a lead we cannot use. The message is polite pt-BR, written to be sent to the lead as is
 * (it asks for another try or for text); `code` is for programs.
 */
export class MediaError extends AppError {
  declare readonly code: MediaErrorCode;
  readonly context: MediaErrorContext;

  constructor(code: MediaErrorCode, context: MediaErrorContext = {}) {
    super(code === 'too_big' ? 413 : 422, code, mediaErrorMessage(code, context), context);
    this.name = 'MediaError';
    this.context = context;
  }
}

function mediaErrorMessage(code: MediaErrorCode, { kind, maxBytes, maxSeconds }: MediaErrorContext): string {
  const thing = kind === 'audio' ? 'esse áudio' : kind === 'image' ? 'essa imagem' : 'esse arquivo';
  switch (code) {
    case 'too_big':
      return `Desculpe, ${thing} é grande demais para eu abrir por aqui${maxBytes ? ` (máx. ${formatMegabytes(maxBytes)})` : ''}. Pode mandar uma versão menor ou me contar por mensagem de texto?`;
    case 'unsupported':
      return 'Desculpe, não consigo abrir esse tipo de arquivo por aqui. Pode mandar como foto, áudio ou mensagem de texto?';
    case 'corrupt':
      return kind === 'audio'
        ? 'Desculpe, não consegui ouvir seu áudio: parece que ele chegou com defeito. Pode gravar de novo ou me escrever?'
        : `Desculpe, não consegui abrir ${thing}: parece que chegou com defeito. Pode enviar de novo?`;
    case 'silent':
      return 'Seu áudio chegou sem som, não consegui ouvir nada. Pode gravar de novo ou me escrever?';
    case 'too_long':
      return `Desculpe, ${thing} é um pouco longo demais para mim${maxSeconds ? ` (máx. ${formatMinutes(maxSeconds)})` : ''}. Pode mandar em partes menores ou resumir por mensagem de texto?`;
  }
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} MB`;
}

function formatMinutes(seconds: number): string {
  if (seconds < 60) return `${seconds} segundos`;
  const minutes = Math.round(seconds / 6) / 10;
  const text = Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1).replace('.', ',');
  return `${text} ${minutes === 1 ? 'minuto' : 'minutos'}`;
}
