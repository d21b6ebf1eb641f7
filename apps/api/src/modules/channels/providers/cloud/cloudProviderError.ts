import { ProviderError } from '../../../../platform/httpClient.ts';
import { cloudErrorBodySchema } from './schemas.ts';

export const CLOUD_SERVICE = 'whatsapp_cloud';

/** Meta asks for ~1 message every 6 s to the same user once the pair limit is hit (third-party figure). */
export const PAIR_RATE_RETRY_AFTER_MS = 6_000;

type ErrorRule = { retryable: boolean; message: string; retryAfterMs?: number };

/** Branch on Meta's numeric code (README §3.3), never on titles. Messages are read by sellers. */
const RULES: Record<number, ErrorRule> = {
  130429: {
    retryable: true,
    message: 'Limite de envios por segundo do número atingido; a mensagem será reenviada em instantes',
  },
  131056: {
    retryable: true,
    retryAfterMs: PAIR_RATE_RETRY_AFTER_MS,
    message: 'Muitas mensagens seguidas para o mesmo contato; a mensagem será reenviada em alguns segundos',
  },
  4: {
    retryable: true,
    message: 'Limite de chamadas à API da Meta atingido; a mensagem será reenviada em instantes',
  },
  80007: {
    retryable: true,
    message:
      'Limite de chamadas da conta do WhatsApp Business atingido; a mensagem será reenviada em instantes',
  },
  131047: { retryable: false, message: 'Fora da janela de 24 horas: é preciso um modelo aprovado' },
  131026: {
    retryable: false,
    message:
      'Mensagem não entregue: o número pode não ter WhatsApp, ter bloqueado a empresa ou usar uma versão antiga do app',
  },
  131048: {
    retryable: false,
    message:
      'Envio bloqueado pela Meta por suspeita de spam: reveja a qualidade das mensagens antes de continuar',
  },
  131049: {
    retryable: false,
    message: 'A Meta limitou mensagens de marketing para este contato; tente outro dia',
  },
  190: {
    retryable: false,
    message: 'Cloud API: token de acesso expirado ou inválido; gere um novo token e atualize o canal',
  },
  100: { retryable: false, message: 'Cloud API recusou um parâmetro da mensagem' },
};

/** A non-2xx Graph API answer → ProviderError with code = String(error.code). */
export function cloudProviderError(status: number, body: Buffer): ProviderError {
  const parsed = cloudErrorBodySchema.safeParse(parseJson(body));
  const transient = status >= 500 || status === 429;
  if (!parsed.success) {
    return new ProviderError(
      CLOUD_SERVICE,
      transient
        ? `Cloud API indisponível no momento (HTTP ${status}); a mensagem será reenviada`
        : `Cloud API respondeu HTTP ${status} sem detalhes do erro`,
      { status, retryable: transient, body: body.toString('utf8').slice(0, 500) },
    );
  }
  const { error } = parsed.data;
  const rule = RULES[error.code];
  const details = error.error_data?.details ?? error.message;
  const message = rule
    ? error.code === 100 && details
      ? `${rule.message} (${details})`
      : rule.message
    : transient
      ? `Cloud API indisponível no momento (erro ${error.code}); a mensagem será reenviada`
      : `Cloud API recusou a mensagem (erro ${error.code}${details ? `: ${details}` : ''})`;
  return new ProviderError(CLOUD_SERVICE, message, {
    status,
    code: String(error.code),
    retryable: rule?.retryable ?? transient,
    ...(rule?.retryAfterMs ? { retryAfterMs: rule.retryAfterMs } : {}),
    body: parsed.data,
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
