import { useState } from 'react';
import { FormField } from '@/components/FormField.tsx';
import { SwitchField } from '@/components/SwitchField.tsx';
import { Input } from '@/components/ui/input.tsx';
import { centsToReaisText, errorUnder, parseReais, type SectionProps } from './agentFormState.ts';
import { EditorSection } from './EditorSection.tsx';
import { KeywordChips } from './KeywordChips.tsx';

const defaultThresholdCents = 500_000;

function ValueThreshold({ values, onChange, errors }: SectionProps) {
  const cents = values.handoff.valueThresholdCents;
  const [draft, setDraft] = useState(() => centsToReaisText(cents ?? defaultThresholdCents));
  const setCents = (valueThresholdCents: number | null) =>
    onChange({ handoff: { ...values.handoff, valueThresholdCents } });
  const invalid = cents !== null && parseReais(draft) === null;
  return (
    <div className="grid gap-3">
      <SwitchField
        id="handoff-value"
        label="Negócio de valor alto"
        description="Quando o lead indicar uma compra a partir do valor abaixo, um vendedor assume."
        checked={cents !== null}
        onCheckedChange={(on) => setCents(on ? (parseReais(draft) ?? defaultThresholdCents) : null)}
      />
      {cents !== null && (
        <FormField
          id="handoff-value-amount"
          label="Valor a partir de"
          error={errors['handoff.valueThresholdCents'] ?? (invalid ? 'Informe um valor em reais' : undefined)}
          className="sm:max-w-56"
        >
          {(field) => (
            <div className="relative">
              <span className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-sm text-slate-500">
                R$
              </span>
              <Input
                {...field}
                inputMode="decimal"
                className="pl-9"
                value={draft}
                onChange={(e) => {
                  setDraft(e.target.value);
                  const parsed = parseReais(e.target.value);
                  if (parsed !== null) setCents(parsed);
                }}
              />
            </div>
          )}
        </FormField>
      )}
    </div>
  );
}

export function HandoffSection(props: SectionProps) {
  const { values, onChange, errors } = props;
  const handoff = values.handoff;
  const set = (patch: Partial<typeof handoff>) => onChange({ handoff: { ...handoff, ...patch } });
  const keywordErrors = handoff.keywords.map((_, i) => errors[`handoff.keywords.${i}`]);
  const firstKeywordError = errorUnder(errors, 'handoff.keywords');
  return (
    <EditorSection
      id="transferencia"
      title="Transferência para humano"
      description="Quando o agente para de responder e chama alguém da equipe. O motivo aparece no Inbox."
    >
      <SwitchField
        id="handoff-request"
        label="Lead pede para falar com uma pessoa"
        description="“Quero falar com um atendente”, “tem alguém aí?”."
        checked={handoff.onLeadRequest}
        onCheckedChange={(onLeadRequest) => set({ onLeadRequest })}
      />
      <SwitchField
        id="handoff-sentiment"
        label="Lead irritado ou insatisfeito"
        description="Reclamações, tom agressivo ou ameaça de cancelar."
        checked={handoff.onNegativeSentiment}
        onCheckedChange={(onNegativeSentiment) => set({ onNegativeSentiment })}
      />
      <ValueThreshold {...props} />
      <FormField
        id="handoff-keywords"
        label="Palavras-chave"
        error={firstKeywordError}
        hint="Se o lead escrever uma delas, a conversa vai para um humano. Enter ou vírgula para adicionar."
      >
        {(field) => (
          <KeywordChips
            id={field.id}
            describedBy={field['aria-describedby']}
            values={handoff.keywords}
            errors={keywordErrors}
            onChange={(keywords) => set({ keywords })}
          />
        )}
      </FormField>
    </EditorSection>
  );
}
