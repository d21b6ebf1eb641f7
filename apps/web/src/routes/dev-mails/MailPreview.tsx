import { formatDateTime } from '@/lib/formatDate.ts';
import type { DevMail } from '@/lib/queries/devMailQueries.ts';

/** Links in the mail must leave the sandboxed frame and open in this tab, like a real mail client would. */
function withTopTarget(html: string): string {
  const base = '<base target="_top">';
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => `${head}${base}`);
  return `${base}${html}`;
}

export function MailPreview({ mail }: { mail: DevMail }) {
  return (
    <article
      aria-labelledby="mail-subject"
      className="flex min-h-[32rem] min-w-0 flex-1 flex-col overflow-hidden rounded-xl border bg-white"
    >
      <header className="border-b px-5 py-4">
        <h2 id="mail-subject" className="text-base font-semibold text-slate-900">
          {mail.subject}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-slate-600">Para</dt>
          <dd className="min-w-0 break-all text-slate-900">{mail.to}</dd>
          <dt className="text-slate-600">Enviado</dt>
          <dd className="text-slate-900">{formatDateTime(mail.createdAt)}</dd>
        </dl>
      </header>
      {mail.html ? (
        <iframe
          key={mail.id}
          title={`Conteúdo do e-mail: ${mail.subject}`}
          srcDoc={withTopTarget(mail.html)}
          sandbox="allow-top-navigation-by-user-activation allow-popups"
          className="min-h-[28rem] w-full flex-1 bg-white"
        />
      ) : (
        <pre className="flex-1 overflow-auto p-5 text-sm whitespace-pre-wrap text-slate-800">{mail.text}</pre>
      )}
    </article>
  );
}
