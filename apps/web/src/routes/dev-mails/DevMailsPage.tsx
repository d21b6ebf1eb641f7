import { Inbox, RotateCw } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { BrandLogo } from '@/components/BrandLogo.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Badge } from '@/components/ui/badge.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { isApiError } from '@/lib/apiClient.ts';
import { cn } from '@/lib/cn.ts';
import { formatDateTime } from '@/lib/formatDate.ts';
import { type DevMail, useDevMails } from '@/lib/queries/devMailQueries.ts';
import { MailPreview } from './MailPreview.tsx';

function MailListItem({
  mail,
  selected,
  onSelect,
}: {
  mail: DevMail;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <li>
      <button
        type="button"
        onClick={onSelect}
        aria-current={selected ? 'true' : undefined}
        className={cn(
          'w-full border-l-2 px-4 py-3 text-left transition-colors focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring',
          selected ? 'border-brand-600 bg-brand-50/70' : 'border-transparent hover:bg-slate-50',
        )}
      >
        <p className="truncate text-sm font-medium text-slate-900">{mail.subject}</p>
        <p className="truncate text-xs text-slate-600">Para: {mail.to}</p>
        <p className="mt-0.5 text-xs text-slate-500">{formatDateTime(mail.createdAt)}</p>
      </button>
    </li>
  );
}

/** Development without SMTP: every e-mail the app "sends" is listed here. */
export function DevMailsPage() {
  const mails = useDevMails();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = mails.data ?? [];
  const selected = list.find((m) => m.id === selectedId) ?? list[0];

  return (
    <div className="flex min-h-dvh flex-col bg-slate-50 lg:h-dvh">
      <header className="flex h-14 shrink-0 items-center gap-3 border-b bg-white px-4">
        <Link
          to="/"
          className="rounded-md focus-visible:outline-2 focus-visible:outline-ring"
          aria-label="PilotoDeVendas.IA — início"
        >
          <BrandLogo />
        </Link>
        <Badge variant="warning" className="hidden sm:inline-flex">
          Desenvolvimento
        </Badge>
        <div className="ml-auto">
          <Button variant="outline" size="sm" onClick={() => mails.refetch()} loading={mails.isFetching}>
            {!mails.isFetching && <RotateCw aria-hidden="true" />}
            Atualizar
          </Button>
        </div>
      </header>
      <div className="px-4 pt-4 sm:px-6">
        <h1 className="text-lg font-semibold text-slate-900">Caixa de e-mails</h1>
        <p className="text-sm text-slate-600">
          E-mails enviados pelo app neste ambiente (sem SMTP). A lista se atualiza sozinha.
        </p>
      </div>
      <main className="flex min-h-0 flex-1 flex-col gap-4 p-4 sm:p-6 lg:flex-row">
        {mails.isPending ? (
          <div className="grid w-full gap-3 lg:w-80" aria-busy="true">
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : mails.isError ? (
          <div className="w-full max-w-xl">
            {isApiError(mails.error, 404) ? (
              <Alert variant="info" title="Caixa de e-mails indisponível">
                Ela só existe em desenvolvimento quando nenhum servidor SMTP está configurado.
              </Alert>
            ) : (
              <QueryError error={mails.error} onRetry={() => mails.refetch()} />
            )}
          </div>
        ) : list.length === 0 ? (
          <div className="flex w-full flex-col items-center justify-center rounded-xl border border-dashed bg-white py-20 text-center">
            <Inbox className="mb-3 size-6 text-slate-500" aria-hidden="true" />
            <p className="text-sm font-medium text-slate-800">Nenhum e-mail ainda</p>
            <p className="mt-1 text-sm text-slate-600">
              Cadastre-se ou envie um convite e o e-mail aparece aqui.
            </p>
          </div>
        ) : (
          <>
            <nav
              aria-label="E-mails"
              className="shrink-0 overflow-y-auto rounded-xl border bg-white lg:w-80 max-lg:max-h-72"
            >
              <ul className="divide-y">
                {list.map((mail) => (
                  <MailListItem
                    key={mail.id}
                    mail={mail}
                    selected={mail.id === selected?.id}
                    onSelect={() => setSelectedId(mail.id)}
                  />
                ))}
              </ul>
            </nav>
            {selected && <MailPreview mail={selected} />}
          </>
        )}
      </main>
    </div>
  );
}
