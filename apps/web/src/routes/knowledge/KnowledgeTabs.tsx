import { cn } from '@/lib/cn.ts';

export type KnowledgeTab = 'documentos' | 'aprendizado' | 'busca';

const tabs: { value: KnowledgeTab; label: string }[] = [
  { value: 'documentos', label: 'Documentos' },
  { value: 'aprendizado', label: 'Aprendizado' },
  { value: 'busca', label: 'Testar busca' },
];

export function parseKnowledgeTab(value: string | null): KnowledgeTab {
  return tabs.some((t) => t.value === value) ? (value as KnowledgeTab) : 'documentos';
}

/** The three views of "Conhecimento"; the learned answers waiting for approval show as a count. */
export function KnowledgeTabs({
  value,
  onChange,
  proposedCount,
}: {
  value: KnowledgeTab;
  onChange: (tab: KnowledgeTab) => void;
  proposedCount: number;
}) {
  return (
    <div role="tablist" aria-label="Conhecimento" className="-mt-2 mb-6 flex gap-4 border-b border-slate-200">
      {tabs.map((tab) => (
        <button
          key={tab.value}
          type="button"
          role="tab"
          id={`tab-${tab.value}`}
          aria-selected={value === tab.value}
          aria-controls={`panel-${tab.value}`}
          onClick={() => onChange(tab.value)}
          className={cn(
            '-mb-px inline-flex items-center gap-1.5 border-b-2 px-1 pb-2.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring',
            value === tab.value
              ? 'border-brand-600 text-slate-900'
              : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
          )}
        >
          {tab.label}
          {tab.value === 'aprendizado' && proposedCount > 0 && (
            <span
              className="flex h-5 min-w-5 items-center justify-center rounded-full bg-violet-600 px-1.5 text-[11px] font-semibold text-white"
              title={
                proposedCount === 1 ? '1 resposta para aprovar' : `${proposedCount} respostas para aprovar`
              }
            >
              {proposedCount}
              <span className="sr-only"> para aprovar</span>
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
