/** The one error type: a code for programs, a pt-BR message for people, an HTTP status. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (message = 'Recurso não encontrado') => new AppError(404, 'NOT_FOUND', message);
export const forbidden = (message = 'Você não tem permissão para isso') =>
  new AppError(403, 'FORBIDDEN', message);
export const unauthorized = (message = 'Faça login para continuar') =>
  new AppError(401, 'UNAUTHORIZED', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
