/** better-auth answers `{ code, message }` in English; we show pt-BR by code and fall back to its text. */
export type AuthClientError = { code?: string; message?: string; status: number; statusText?: string };

const messagesByCode: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'E-mail ou senha incorretos.',
  INVALID_PASSWORD: 'Senha atual incorreta.',
  INVALID_EMAIL: 'E-mail inválido.',
  EMAIL_NOT_VERIFIED: 'Confirme seu e-mail antes de entrar. Enviamos um link para a sua caixa de entrada.',
  USER_ALREADY_EXISTS: 'Já existe uma conta com esse e-mail. Entre ou recupere sua senha.',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'Já existe uma conta com esse e-mail. Entre ou recupere sua senha.',
  PASSWORD_TOO_SHORT: 'A senha precisa de pelo menos 8 caracteres.',
  PASSWORD_TOO_LONG: 'A senha é longa demais (máximo de 128 caracteres).',
  INVALID_TOKEN: 'Este link é inválido ou expirou. Peça um novo.',
  TOKEN_EXPIRED: 'Este link expirou. Peça um novo.',
  CREDENTIAL_ACCOUNT_NOT_FOUND: 'Sua conta não tem senha cadastrada (você entra com o Google).',
  SESSION_EXPIRED: 'Sua sessão expirou. Entre de novo para continuar.',
  FAILED_TO_CREATE_USER: 'Não foi possível criar a conta. Tente de novo.',
  EMAIL_ALREADY_VERIFIED: 'Este e-mail já foi confirmado. Você já pode entrar.',
};

export const tooManyAttemptsMessage = 'Muitas tentativas. Aguarde um minuto e tente de novo.';

export function authErrorMessage(error: AuthClientError | null | undefined): string {
  if (!error) return 'Algo deu errado. Tente de novo.';
  if (error.status === 429) return tooManyAttemptsMessage;
  if (error.code && messagesByCode[error.code]) return messagesByCode[error.code];
  if (error.code?.startsWith('USER_ALREADY_EXISTS')) return messagesByCode.USER_ALREADY_EXISTS;
  return error.message || 'Algo deu errado. Tente de novo.';
}
