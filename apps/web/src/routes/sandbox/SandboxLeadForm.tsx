import { RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { FormField } from '@/components/FormField.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Input } from '@/components/ui/input.tsx';
import { formatPhone } from '@/lib/formatChat.ts';
import { randomLeadPhone, readLead, type SandboxLead, storeLead } from './sandboxLead.ts';

/** The simulated lead (stored per channel), and a form to rename it or start over as a new one. */
export function useSandboxLead(channelId: string) {
  const [lead, setLead] = useState<SandboxLead>(() => readLead(channelId));
  const apply = (next: SandboxLead) => {
    const clean = {
      name: next.name.trim() || 'Lead de teste',
      phone: next.phone.replace(/[^\d+]/g, '') || randomLeadPhone(),
    };
    setLead(clean);
    storeLead(channelId, clean);
  };
  return [lead, apply] as const;
}

export function SandboxLeadForm({
  lead,
  onApply,
}: {
  lead: SandboxLead;
  onApply: (lead: SandboxLead) => void;
}) {
  const [draft, setDraft] = useState(lead);
  const apply = (next: SandboxLead) => {
    onApply(next);
    setDraft({ name: next.name.trim() || 'Lead de teste', phone: next.phone });
  };
  return (
    <form
      className="grid gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply(draft);
      }}
    >
      <FormField id="lead-name" label="Nome do lead">
        {(field) => (
          <Input
            {...field}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        )}
      </FormField>
      <FormField id="lead-phone" label="Telefone do lead" hint={formatPhone(lead.phone)}>
        {(field) => (
          <Input
            {...field}
            type="tel"
            value={draft.phone}
            onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
          />
        )}
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={draft.name === lead.name && draft.phone === lead.phone}>
          Usar este lead
        </Button>
        <Button
          size="sm"
          variant="outline"
          onClick={() => {
            const fresh = { name: 'Lead de teste', phone: randomLeadPhone() };
            onApply(fresh);
            setDraft(fresh);
          }}
        >
          <RefreshCw aria-hidden="true" />
          Novo lead
        </Button>
      </div>
    </form>
  );
}
