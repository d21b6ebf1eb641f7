import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { Textarea } from '@/components/ui/textarea.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatDateTime } from '@/lib/formatDate.ts';
import { useAddContactNote, useContactNotes } from '@/lib/queries/inboxExtrasQueries.ts';

/** Internal notes about the contact: only the team sees them. */
export function ContactNotes({ contactId }: { contactId: string }) {
  const { orgId } = useCurrentOrg();
  const notes = useContactNotes(orgId, contactId);
  const addNote = useAddContactNote(orgId, contactId);
  const [text, setText] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    addNote.mutate(text.trim(), {
      onSuccess: () => setText(''),
      onError: (error) => toast.error(errorMessage(error)),
    });
  };

  return (
    <section aria-labelledby="contact-notes-title" className="grid gap-3">
      <h3 id="contact-notes-title" className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Notas internas
      </h3>
      <form onSubmit={submit} className="grid gap-2">
        <Textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Anote algo sobre este contato (só a equipe vê)"
          aria-label="Nova nota"
          rows={2}
          className="min-h-16 bg-white"
        />
        <Button
          type="submit"
          size="sm"
          variant="outline"
          className="justify-self-end"
          loading={addNote.isPending}
          disabled={!text.trim()}
        >
          Adicionar nota
        </Button>
      </form>
      {notes.isPending ? (
        <Skeleton className="h-14" />
      ) : (
        <ul className="grid gap-2">
          {notes.data?.map((note) => (
            <li key={note.id} className="rounded-lg bg-amber-50 p-2.5 ring-1 ring-amber-100">
              <p className="text-sm whitespace-pre-wrap text-slate-800">{note.text}</p>
              <p className="mt-1 text-[11px] text-slate-500">
                {note.authorName ?? 'Alguém da equipe'} · {formatDateTime(note.createdAt)}
              </p>
            </li>
          ))}
          {notes.data?.length === 0 && <li className="text-xs text-slate-500">Nenhuma nota ainda.</li>}
        </ul>
      )}
    </section>
  );
}
