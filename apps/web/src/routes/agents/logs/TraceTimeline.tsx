import type { Trace } from '@piloto/contracts';
import type { LucideIcon } from 'lucide-react';
import { BookOpen, ChevronRight, Inbox, MessageSquareReply, Wrench } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn.ts';

const roleInfo: Record<Trace['input'][number]['role'], { label: string; className: string }> = {
  lead: { label: 'Lead', className: 'bg-white ring-1 ring-slate-200' },
  business: { label: 'Empresa', className: 'bg-[#d9fdd3] ring-1 ring-[#b9e8b0] ml-auto' },
  summary: {
    label: 'Resumo da conversa',
    className: 'bg-amber-50 ring-1 ring-amber-200 italic w-full max-w-none',
  },
  system: { label: 'Sistema', className: 'bg-slate-100 ring-1 ring-slate-200 w-full max-w-none' },
};

function Step({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children: ReactNode }) {
  return (
    <li className="relative pb-8 pl-11 last:pb-0">
      <span
        className="absolute top-9 bottom-0 left-4 w-px bg-slate-200 [li:last-child>&]:hidden"
        aria-hidden="true"
      />
      <span className="absolute top-0 left-0 flex size-8 items-center justify-center rounded-full bg-white ring-1 ring-slate-200">
        <Icon className="size-4 text-slate-600" aria-hidden="true" />
      </span>
      <h2 className="pt-1 text-sm font-semibold text-slate-900">{title}</h2>
      <div className="mt-3">{children}</div>
    </li>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-500">{children}</p>;
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <details className="group rounded-md border bg-slate-50">
      <summary className="flex cursor-pointer items-center gap-1.5 px-3 py-1.5 text-xs font-medium text-slate-700 select-none">
        <ChevronRight className="size-3.5 transition-transform group-open:rotate-90" aria-hidden="true" />
        {label}
      </summary>
      <pre className="max-h-80 overflow-auto border-t px-3 py-2 font-mono text-xs leading-relaxed text-slate-800">
        {JSON.stringify(value, null, 2) ?? 'undefined'}
      </pre>
    </details>
  );
}

/** What the model saw, looked up, did and answered, in order. */
export function TraceTimeline({ trace }: { trace: Trace }) {
  return (
    <ol className="rounded-xl border bg-white p-5 shadow-xs sm:p-6">
      <Step icon={Inbox} title="O que a IA recebeu">
        {trace.input.length === 0 ? (
          <Empty>Nenhuma mensagem.</Empty>
        ) : (
          <ul className="chat-wallpaper grid gap-2 rounded-lg p-3">
            {trace.input.map((m, i) => {
              const info = roleInfo[m.role];
              return (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: the input is a fixed, ordered list.
                  key={i}
                  className={cn('max-w-[85%] rounded-lg px-3 py-2 text-sm shadow-xs', info.className)}
                >
                  <span className="mb-0.5 block text-[11px] font-semibold text-slate-500 not-italic">
                    {info.label}
                  </span>
                  <span className="whitespace-pre-wrap text-slate-900">{m.text}</span>
                </li>
              );
            })}
          </ul>
        )}
      </Step>
      <Step icon={BookOpen} title="Trechos do conhecimento">
        {trace.retrievedPassages.length === 0 ? (
          <Empty>Nenhum trecho consultado.</Empty>
        ) : (
          <ul className="grid gap-2">
            {trace.retrievedPassages.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: passages can repeat; order is fixed.
              <li key={i} className="rounded-md border-l-4 border-sky-300 bg-sky-50/60 px-3 py-2">
                <p className="text-xs font-medium text-sky-900">{p.source}</p>
                <p className="mt-1 line-clamp-6 text-sm whitespace-pre-wrap text-slate-800">{p.text}</p>
              </li>
            ))}
          </ul>
        )}
      </Step>
      <Step icon={Wrench} title="Ferramentas">
        {trace.toolCalls.length === 0 ? (
          <Empty>Nenhuma ferramenta usada.</Empty>
        ) : (
          <ol className="grid gap-3">
            {trace.toolCalls.map((call, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same tool may be called twice.
              <li key={i} className="grid gap-1.5">
                <p className="font-mono text-sm font-semibold text-slate-900">
                  {i + 1}. {call.name}
                </p>
                <Json label="Argumentos" value={call.args} />
                <Json label="Resultado" value={call.result} />
              </li>
            ))}
          </ol>
        )}
      </Step>
      <Step
        icon={MessageSquareReply}
        title={trace.status === 'suggested' ? 'Sugestão ao vendedor' : 'Resposta'}
      >
        {trace.output.length === 0 ? (
          <Empty>Nenhuma mensagem enviada ao lead.</Empty>
        ) : (
          <ul className="chat-wallpaper grid gap-1.5 rounded-lg p-3">
            {trace.output.map((text, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: bubbles in order.
                key={i}
                className="ml-auto max-w-[85%] rounded-lg bg-[#d9fdd3] px-3 py-2 text-sm whitespace-pre-wrap text-slate-900 shadow-xs"
              >
                {text}
              </li>
            ))}
          </ul>
        )}
      </Step>
    </ol>
  );
}
