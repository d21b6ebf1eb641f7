import { AppError } from '../../../platform/errors.ts';

export type KnowledgeFileErrorCode =
  | 'corrupt'
  | 'encrypted'
  | 'empty'
  | 'too_big'
  | 'unsupported'
  /** A web page that could not be fetched (error status, not public). */
  | 'unreachable';

const STATUS_BY_CODE: Record<KnowledgeFileErrorCode, number> = {
  corrupt: 422,
  encrypted: 422,
  empty: 422,
  too_big: 413,
  unsupported: 415,
  unreachable: 422,
};

/** A file the knowledge base cannot take, with a pt-BR message that tells the user what to do. */
export class KnowledgeFileError extends AppError {
  declare readonly code: KnowledgeFileErrorCode;

  constructor(
    code: KnowledgeFileErrorCode,
    message: string,
    details?: { fileName?: string; cause?: string },
  ) {
    super(STATUS_BY_CODE[code], code, message, details);
    this.name = 'KnowledgeFileError';
  }
}
