import { FlaskConical } from 'lucide-react';
import { Link } from 'react-router';
import { useConfig } from '@/lib/queries/useConfig.ts';

/** In development without SMTP the e-mails land in /dev/emails; point there so nobody waits for them. */
export function DevMailboxLink() {
  const config = useConfig();
  if (!config.data?.devMailbox) return null;
  return (
    <p className="mt-4 flex items-center gap-2 rounded-md border border-dashed border-slate-300 px-3 py-2 text-xs text-slate-600">
      <FlaskConical className="size-3.5 shrink-0" aria-hidden="true" />
      <span>
        Ambiente de desenvolvimento:{' '}
        <Link to="/dev/emails" className="font-medium text-brand-700 underline underline-offset-2">
          abrir a caixa de e-mails
        </Link>
      </span>
    </p>
  );
}
