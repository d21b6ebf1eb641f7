/**
 * The last check before an AI answer reaches a lead. Prompt injection can talk a model into anything;
 * whatever it says, these leaks never leave: the company's instructions, keys and secrets, and other
 * people's phone numbers or e-mails.
 */
export type GuardVerdict = { ok: true } | { ok: false; reason: string };

const SECRET_PATTERNS: RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{16,}/, // OpenAI-style keys
  /\bsk-ant-[A-Za-z0-9_-]{10,}/,
  /\bAIza[0-9A-Za-z_-]{20,}/, // Google API keys
  /\bEAA[A-Za-z0-9]{30,}/, // Meta access tokens
  /\b(AUTH_SECRET|DATABASE_URL|OPENAI_API_KEY|client-token|apikey)\b/i,
  /postgres(ql)?:\/\/\S+/i,
];

const words = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

/** A run of `n` consecutive words of the instructions appearing in the answer. */
function sharesRun(answer: string, secretText: string, n: number): boolean {
  const a = words(answer);
  if (a.length < n) return false;
  const grams = new Set<string>();
  const s = words(secretText);
  for (let i = 0; i + n <= s.length; i++) grams.add(s.slice(i, i + n).join(' '));
  for (let i = 0; i + n <= a.length; i++) if (grams.has(a.slice(i, i + n).join(' '))) return true;
  return false;
}

export function checkAnswer(
  answer: string,
  context: { systemPrompt: string; allowedPhones: string[]; allowedEmails: string[] },
): GuardVerdict {
  for (const pattern of SECRET_PATTERNS) {
    if (pattern.test(answer)) return { ok: false, reason: 'a resposta continha uma chave ou segredo' };
  }
  // 12 consecutive words of the prompt is quoting, not paraphrasing a policy.
  if (sharesRun(answer, context.systemPrompt, 12))
    return { ok: false, reason: 'a resposta repetia as instruções internas do agente' };
  const allowedDigits = context.allowedPhones.map((p) => p.replace(/\D/g, '').slice(-8));
  for (const match of answer.matchAll(/\+?\d[\d\s().-]{8,}\d/g)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length < 10 || digits.length > 13) continue;
    if (!allowedDigits.some((allowed) => allowed && digits.endsWith(allowed))) {
      return { ok: false, reason: 'a resposta continha o telefone de outra pessoa' };
    }
  }
  for (const match of answer.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)) {
    if (!context.allowedEmails.some((e) => e.toLowerCase() === match[0].toLowerCase())) {
      return { ok: false, reason: 'a resposta continha o e-mail de outra pessoa' };
    }
  }
  return { ok: true };
}
