import { TrendingDown, TrendingUp } from 'lucide-react';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { type QuestionWeek, useQuestionStats } from '@/lib/queries/knowledgeQueries.ts';

const weekLabel = (iso: string) => {
  const [, month, day] = iso.split('-');
  return `${day}/${month}`;
};

/** The last four weeks against the four before them. */
function trend(weeks: QuestionWeek[]): { text: string; falling: boolean } | null {
  const sum = (xs: QuestionWeek[]) => xs.reduce((n, w) => n + w.questions, 0);
  const recent = sum(weeks.slice(-4));
  const before = sum(weeks.slice(-8, -4));
  if (before === 0) return null;
  const change = Math.round(((recent - before) / before) * 100);
  if (change === 0) return { text: 'Estável nas últimas 4 semanas.', falling: false };
  return change < 0
    ? { text: `${-change}% menos perguntas nas últimas 4 semanas que nas 4 anteriores.`, falling: true }
    : { text: `${change}% mais perguntas nas últimas 4 semanas que nas 4 anteriores.`, falling: false };
}

/**
 * "Perguntas à equipe por semana": as the team's answers become knowledge, the AI asks less. A small
 * bar chart of the last 12 weeks, with the answers saved for the future in each.
 */
export function QuestionTrend() {
  const { orgId } = useCurrentOrg();
  const stats = useQuestionStats(orgId);
  const weeks = stats.data?.weeks ?? [];
  if (!weeks.length) return null;
  const max = Math.max(1, ...weeks.map((w) => w.questions));
  const total = weeks.reduce((n, w) => n + w.questions, 0);
  const saved = weeks.reduce((n, w) => n + w.saved, 0);
  const direction = trend(weeks);
  return (
    <section
      aria-labelledby="question-trend"
      className="mb-6 rounded-xl border border-slate-200 bg-white p-5"
    >
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id="question-trend" className="text-sm font-semibold text-slate-900">
            Perguntas da IA à equipe por semana
          </h2>
          <p className="text-sm text-slate-600">
            {total} {total === 1 ? 'pergunta' : 'perguntas'} em 12 semanas; {saved}{' '}
            {saved === 1 ? 'resposta salva' : 'respostas salvas'} para as próximas conversas.
          </p>
        </div>
        {direction && (
          <p
            className={`flex items-center gap-1 text-sm font-medium ${direction.falling ? 'text-emerald-700' : 'text-amber-700'}`}
          >
            {direction.falling ? (
              <TrendingDown className="size-4" aria-hidden="true" />
            ) : (
              <TrendingUp className="size-4" aria-hidden="true" />
            )}
            {direction.text}
          </p>
        )}
      </div>
      <ol className="flex h-28 items-end gap-1.5" aria-label="Perguntas por semana">
        {weeks.map((w) => (
          <li key={w.week} className="flex h-full flex-1 flex-col items-center justify-end gap-1">
            <span className="text-xs tabular-nums text-slate-600">{w.questions || ''}</span>
            <div
              className="w-full rounded-t bg-emerald-600/80"
              style={{ height: `${(w.questions / max) * 70}%`, minHeight: w.questions ? 4 : 1 }}
              title={`Semana de ${weekLabel(w.week)}: ${w.questions} perguntas, ${w.saved} respostas salvas`}
            />
            <span className="text-[10px] text-slate-500">{weekLabel(w.week)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
