/** pt-BR messages for better-auth's error codes; the code stays as better-auth sends it. */
export const authMessages: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'E-mail ou senha incorretos.',
  INVALID_EMAIL: 'E-mail inválido.',
  INVALID_PASSWORD: 'Senha incorreta.',
  EMAIL_NOT_VERIFIED:
    'Confirme seu e-mail antes de entrar. Enviamos um novo link para a sua caixa de entrada.',
  PASSWORD_TOO_SHORT: 'A senha precisa de pelo menos 8 caracteres.',
  PASSWORD_TOO_LONG: 'A senha pode ter no máximo 128 caracteres.',
  USER_ALREADY_EXISTS: 'Já existe uma conta com este e-mail. Entre ou redefina a senha.',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'Já existe uma conta com este e-mail. Use outro e-mail.',
  INVALID_TOKEN: 'Link inválido ou expirado. Peça um novo.',
  TOKEN_EXPIRED: 'Link expirado. Peça um novo.',
  USER_NOT_FOUND: 'Usuário não encontrado.',
  CREDENTIAL_ACCOUNT_NOT_FOUND: 'Esta conta entra com o Google. Use "Entrar com Google".',
  SESSION_EXPIRED: 'Sua sessão expirou. Entre novamente para continuar.',
  EMAIL_ALREADY_VERIFIED: 'Este e-mail já foi confirmado.',
  INVALID_ORIGIN: 'Origem da requisição não permitida.',
  MISSING_OR_NULL_ORIGIN: 'Origem da requisição ausente.',
  PROVIDER_NOT_FOUND: 'Login com este provedor não está configurado.',
  VALIDATION_ERROR: 'Dados inválidos.',
  FAILED_TO_GET_USER_INFO: 'Não foi possível obter seus dados do provedor de login.',
  RATE_LIMITED: 'Muitas tentativas. Aguarde um minuto e tente de novo.',
};
