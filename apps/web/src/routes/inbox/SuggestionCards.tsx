import type { Suggestion } from '@piloto/contracts';
import { Pencil, SendHorizontal, Sparkles, X } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useAcceptSuggestion, useDismissSuggestion, useSuggestions } from '@/lib/queries/copilotQueries.ts';

/** The suggestion's bubbles as one message the seller can edit. */
export const suggestionText = (s: Suggestion) => s.texts.join('\n\n');

/** Copilot: the AI's pending replies above the composer — use (to edit), send as is, or dismiss. */
export function SuggestionCards({
  conversationId,
  editingId,
  onUse,
}: {
  conversationId: string;
  editingId: string | null;
  onUse: (suggestion: Suggestion) => void;
}) {
  const { orgId } = useCurrentOrg();
  const suggestions = useSuggestions(orgId, conversationId);
  const accept = useAcceptSuggestion(orgId, conversationId);
  const dismiss = useDismissSuggestion(orgId, conversationId);
  const shown = (suggestions.data ?? []).filter((s) => s.id !== editingId).slice(0, 3);
  if (shown.length === 0) return null;

  const sendAsIs = (s: Suggestion) =>
    accept.mutate(
      { id: s.id, text: suggestionText(s) },
      { onError: (error) => toast.error(errorMessage(error)) },
    );
  const drop = (s: Suggestion) =>
    dismiss.mutate(s.id, { onError: (error) => toast.error(errorMessage(error)) });

  return (
    <section aria-label="Sugestões da IA" className="border-t border-violet-200 bg-violet-50/70 px-3 py-2.5">
      <p className="mb-2 flex items-center gap-1.5 text-xs font-semibold text-violet-800">
        <Sparkles className="size-3.5" aria-hidden="true" />
        Sugestões da IA
      </p>
      <ul className="grid max-h-52 gap-1.5 overflow-y-auto">
        {shown.map((s, index) => {
          const busy =
            (accept.isPending && accept.variables?.id === s.id) ||
            (dismiss.isPending && dismiss.variables === s.id);
          return (
            <li
              key={s.id}
              className="flex flex-wrap items-end gap-2 rounded-lg bg-white p-2 shadow-xs ring-1 ring-violet-200"
            >
              <div className="flex min-w-0 flex-1 basis-64 gap-2">
                <div className="grid min-w-0 flex-1 gap-1">
                  {s.texts.map((text, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: bubbles in order.
                    <p key={i} className="line-clamp-3 text-sm whitespace-pre-wrap text-slate-800">
                      {text}
                    </p>
                  ))}
                </div>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="-mt-1 -mr-1 size-7 text-slate-500"
                  aria-label={`Descartar sugestão ${index + 1}`}
                  disabled={busy}
                  onClick={() => drop(s)}
                >
                  <X aria-hidden="true" />
                </Button>
              </div>
              <div className="ml-auto flex gap-1.5">
                <Button variant="outline" size="sm" disabled={busy} onClick={() => onUse(s)}>
                  <Pencil aria-hidden="true" />
                  Usar
                </Button>
                <Button
                  size="sm"
                  loading={accept.isPending && accept.variables?.id === s.id}
                  disabled={busy}
                  onClick={() => sendAsIs(s)}
                >
                  {!(accept.isPending && accept.variables?.id === s.id) && (
                    <SendHorizontal aria-hidden="true" />
                  )}
                  Enviar como está
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Above the composer while the seller edits a suggestion: sending it records the edit. */
export function EditingSuggestionBar({ onCancel }: { onCancel: () => void }) {
  return (
    <div className="flex items-center gap-2 border-t border-violet-200 bg-violet-50 px-3 py-1.5 text-xs text-violet-900">
      <Sparkles className="size-3.5 shrink-0" aria-hidden="true" />
      <p className="flex-1">Editando a sugestão da IA — envie quando estiver do seu jeito.</p>
      <Button
        variant="ghost"
        size="icon-sm"
        className="size-7"
        onClick={onCancel}
        aria-label="Cancelar edição da sugestão"
      >
        <X aria-hidden="true" />
      </Button>
    </div>
  );
}
