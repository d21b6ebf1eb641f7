import type { Conversation } from '@piloto/contracts';
import { Check, Pencil, Plus, X } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { Avatar } from '@/components/ui/avatar.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Input } from '@/components/ui/input.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { providerInfo } from '@/lib/channelProviders.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatPhone } from '@/lib/formatChat.ts';
import { useRenameContact } from '@/lib/queries/inboxExtrasQueries.ts';
import { ContactNotes } from './ContactNotes.tsx';
import { LabelChip } from './LabelChip.tsx';
import { LabelsPopover } from './LabelsPopover.tsx';

const identityLabels = { phone: 'Telefone', lid: 'LID do WhatsApp', bsuid: 'ID de usuário (Meta)' };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function EditableName({ conversation }: { conversation: Conversation }) {
  const { orgId } = useCurrentOrg();
  const rename = useRenameContact(orgId, conversation.contact.id);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(conversation.contact.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    rename.mutate(name.trim(), {
      onSuccess: () => setEditing(false),
      onError: (error) => toast.error(errorMessage(error)),
    });
  };
  if (!editing) {
    return (
      <div className="flex items-center justify-center gap-1">
        <h2 className="truncate text-base font-semibold text-slate-900">
          {conversation.contact.name || 'Sem nome'}
        </h2>
        <Button variant="ghost" size="icon-sm" aria-label="Editar nome" onClick={() => setEditing(true)}>
          <Pencil aria-hidden="true" />
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="flex items-center gap-1">
      <Input
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-label="Nome do contato"
        autoFocus
        maxLength={120}
        className="h-8"
      />
      <Button
        type="submit"
        variant="ghost"
        size="icon-sm"
        aria-label="Salvar nome"
        loading={rename.isPending}
      >
        {!rename.isPending && <Check aria-hidden="true" />}
      </Button>
      <Button variant="ghost" size="icon-sm" aria-label="Cancelar" onClick={() => setEditing(false)}>
        <X aria-hidden="true" />
      </Button>
    </form>
  );
}

/** Who the lead is: name, numbers, channel, labels and the team's notes. */
export function ContactPanel({
  conversation: c,
  onClose,
}: {
  conversation: Conversation;
  onClose: () => void;
}) {
  return (
    <aside aria-label="Dados do contato" className="flex h-full flex-col bg-white">
      <div className="flex h-14 shrink-0 items-center justify-between border-b px-4">
        <p className="text-sm font-semibold text-slate-900">Dados do contato</p>
        <Button variant="ghost" size="icon-sm" onClick={onClose} aria-label="Fechar dados do contato">
          <X aria-hidden="true" />
        </Button>
      </div>
      <div className="grid flex-1 content-start gap-6 overflow-y-auto p-4">
        <div className="grid justify-items-center gap-2 text-center">
          <Avatar name={c.contact.name || '?'} className="size-20 text-xl" />
          <EditableName key={c.contact.id} conversation={c} />
          <p className="text-sm text-slate-600">{formatPhone(c.contact.phone) || 'Sem telefone'}</p>
        </div>
        <dl className="grid gap-3">
          <Row label="Número da empresa">
            {c.channel.name} · {providerInfo[c.channel.provider].label}
          </Row>
          {c.contact.identities.map((identity) => (
            <Row key={identity.kind + identity.value} label={identityLabels[identity.kind]}>
              {identity.kind === 'phone' ? formatPhone(identity.value) : identity.value}
            </Row>
          ))}
        </dl>
        <section aria-labelledby="contact-labels-title" className="grid gap-2">
          <div className="flex items-center justify-between">
            <h3
              id="contact-labels-title"
              className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
            >
              Etiquetas
            </h3>
            <LabelsPopover
              conversation={c}
              trigger={
                <Button variant="ghost" size="sm" className="h-7 px-2 text-xs">
                  <Plus aria-hidden="true" />
                  Editar
                </Button>
              }
            />
          </div>
          <div className="flex flex-wrap gap-1">
            {c.labels.length === 0 && <span className="text-xs text-slate-500">Nenhuma etiqueta.</span>}
            {c.labels.map((label) => (
              <LabelChip key={label.id} label={label} />
            ))}
          </div>
        </section>
        <ContactNotes contactId={c.contact.id} />
      </div>
    </aside>
  );
}
