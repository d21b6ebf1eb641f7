import { Handshake, Target } from 'lucide-react';
import { FormField } from '@/components/FormField.tsx';
import { Input } from '@/components/ui/input.tsx';
import { Textarea } from '@/components/ui/textarea.tsx';
import type { SectionProps } from './agentFormState.ts';
import { ChoiceCards } from './ChoiceCards.tsx';
import { EditorSection } from './EditorSection.tsx';

export function IdentitySection({ values, onChange, errors }: SectionProps) {
  return (
    <EditorSection id="identidade" title="Identidade" description="Quem é o agente e o que ele busca.">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="agent-name" label="Nome" error={errors.name} hint="Só a equipe vê este nome.">
          {(field) => (
            <Input
              {...field}
              required
              maxLength={80}
              value={values.name}
              onChange={(e) => onChange({ name: e.target.value })}
              placeholder="Ex.: SDR da Loja"
            />
          )}
        </FormField>
        <FormField id="agent-tone" label="Tom de voz" error={errors.tone}>
          {(field) => (
            <Input
              {...field}
              maxLength={200}
              value={values.tone}
              onChange={(e) => onChange({ tone: e.target.value })}
            />
          )}
        </FormField>
      </div>
      <FormField
        id="agent-persona"
        label="Persona"
        error={errors.persona}
        hint="Como ele se apresenta ao lead. Ex.: “Sou a Júlia, consultora da Loja da Marina”."
      >
        {(field) => (
          <Textarea
            {...field}
            rows={3}
            maxLength={2000}
            value={values.persona}
            onChange={(e) => onChange({ persona: e.target.value })}
          />
        )}
      </FormField>
      <ChoiceCards
        name="objective"
        legend="Objetivo"
        value={values.objective}
        onChange={(objective) => onChange({ objective })}
        options={[
          {
            value: 'qualify',
            label: 'Qualificar leads',
            icon: Target,
            description: 'Descobre necessidade, orçamento, decisor e prazo, e passa os bons leads à equipe.',
          },
          {
            value: 'sales_support',
            label: 'Apoiar a venda',
            icon: Handshake,
            description: 'Tira dúvidas de produto, preço e entrega e conduz o cliente até o fechamento.',
          },
        ]}
      />
    </EditorSection>
  );
}

export function InstructionsSection({ values, onChange, errors }: SectionProps) {
  return (
    <EditorSection
      id="instrucoes"
      title="Instruções"
      description="Regras do seu negócio que o agente deve seguir: o que oferecer, o que nunca prometer, como falar de preço."
    >
      <FormField
        id="agent-instructions"
        label="Instruções"
        error={errors.instructions}
        hint={`${values.instructions.length.toLocaleString('pt-BR')} de 20.000 caracteres`}
      >
        {(field) => (
          <Textarea
            {...field}
            rows={12}
            maxLength={20_000}
            className="min-h-60 font-mono text-[13px] leading-relaxed"
            value={values.instructions}
            onChange={(e) => onChange({ instructions: e.target.value })}
            placeholder={
              'Ex.:\n- Sempre ofereça o frete grátis para compras acima de R$ 299.\n- Nunca dê desconto acima de 10% sem falar com um vendedor.\n- Para pedidos com mais de 50 unidades, transfira para o time B2B.'
            }
          />
        )}
      </FormField>
    </EditorSection>
  );
}
