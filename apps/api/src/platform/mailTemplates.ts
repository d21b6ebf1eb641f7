import type { MailMessage } from './mail.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One simple, readable layout for every transactional e-mail (pt-BR). */
function layout(
  to: string,
  subject: string,
  intro: string,
  action: { label: string; url: string },
  outro: string,
): MailMessage {
  const html = `<!doctype html><html lang="pt-BR"><body style="margin:0;background:#f1f5f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#0f172a">
<div style="max-width:520px;margin:32px auto;background:#fff;border-radius:12px;padding:32px;border:1px solid #e2e8f0">
<p style="font-weight:700;color:#0f766e;margin:0 0 24px">PilotoDeVendas.IA</p>
<p style="line-height:1.6;margin:0 0 24px">${escapeHtml(intro)}</p>
<p style="margin:0 0 24px"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#0f766e;color:#fff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="line-height:1.6;color:#475569;font-size:14px;margin:0 0 8px">${escapeHtml(outro)}</p>
<p style="color:#64748b;font-size:12px;word-break:break-all;margin:16px 0 0">Se o botão não funcionar, copie este endereço: ${escapeHtml(action.url)}</p>
</div></body></html>`;
  const text = `${intro}\n\n${action.label}: ${action.url}\n\n${outro}\n\n— PilotoDeVendas.IA`;
  return { to, subject, text, html };
}

export function verifyEmailMail(to: string, name: string, url: string): MailMessage {
  return layout(
    to,
    'Confirme seu e-mail no PilotoDeVendas.IA',
    `Olá, ${name}! Confirme seu e-mail para começar a usar o PilotoDeVendas.IA.`,
    { label: 'Confirmar e-mail', url },
    'O link vale por 24 horas. Se você não criou esta conta, ignore esta mensagem.',
  );
}

export function resetPasswordMail(to: string, name: string, url: string): MailMessage {
  return layout(
    to,
    'Redefinição de senha do PilotoDeVendas.IA',
    `Olá, ${name}. Recebemos um pedido para redefinir a sua senha.`,
    { label: 'Criar nova senha', url },
    'O link vale por 1 hora. Se você não pediu a redefinição, ignore esta mensagem: sua senha continua a mesma.',
  );
}

export function invitationMail(
  to: string,
  orgName: string,
  inviterName: string,
  roleLabel: string,
  url: string,
): MailMessage {
  return layout(
    to,
    `${inviterName} convidou você para ${orgName} no PilotoDeVendas.IA`,
    `${inviterName} convidou você para entrar na empresa ${orgName} como ${roleLabel}.`,
    { label: 'Aceitar convite', url },
    'O convite vale por 7 dias.',
  );
}
