import { defaultQualificationFields, type QualificationField } from '@piloto/contracts';
import { Plus, RotateCcw, Trash2 } from 'lucide-react';
import { FormField } from '@/components/FormField.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Input } from '@/components/ui/input.tsx';
import { Switch } from '@/components/ui/switch.tsx';
import { Textarea } from '@/components/ui/textarea.tsx';
import type { SectionProps } from './agentFormState.ts';
import { EditorSection } from './EditorSection.tsx';

const maxFields = 20;

/** "Forma de pagamento" → "forma_de_pagamento", the key the agent stores the answer under. */
function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');
  return key.slice(0, 40);
}

function FieldRow({
  index,
  field,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  field: QualificationField;
  errors: SectionProps['errors'];
  onChange: (field: QualificationField) => void;
  onRemove: () => void;
}) {
  const id = `qualification-${index}`;
  const path = `qualificationFields.${index}`;
  const autoKey = field.key === '' || field.key === keyFromLabel(field.label);
  return (
    <li className="grid gap-3 rounded-lg border bg-slate-50/60 p-3 sm:grid-cols-[1fr_1fr_auto]">
      <FormField id={`${id}-label`} label="Campo" error={errors[`${path}.label`]}>
        {(control) => (
          <Input
            {...control}
            maxLength={60}
            value={field.label}
            onChange={(e) =>
              onChange({
                ...field,
                label: e.target.value,
                key: autoKey ? keyFromLabel(e.target.value) : field.key,
              })
            }
          />
        )}
      </FormField>
      <FormField id={`${id}-key`} label="Chave" error={errors[`${path}.key`]}>
        {(control) => (
          <Input
            {...control}
            maxLength={40}
            spellCheck={false}
            className="font-mono text-[13px]"
            value={field.key}
            onChange={(e) => onChange({ ...field, key: e.target.value })}
          />
        )}
      </FormField>
      <div className="flex items-end justify-end gap-3 pb-1">
        <div className="flex items-center gap-2">
          <Switch
            id={`${id}-required`}
            checked={field.required}
            onCheckedChange={(required) => onChange({ ...field, required })}
          />
          <label htmlFor={`${id}-required`} className="text-sm text-slate-700">
            Obrigatório
          </label>
        </div>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={`Remover ${field.label || 'campo'}`}
          onClick={onRemove}
        >
          <Trash2 aria-hidden="true" />
        </Button>
      </div>
      <FormField
        id={`${id}-description`}
        label="O que perguntar"
        error={errors[`${path}.description`]}
        className="sm:col-span-3"
      >
        {(control) => (
          <Input
            {...control}
            maxLength={300}
            value={field.description}
            onChange={(e) => onChange({ ...field, description: e.target.value })}
          />
        )}
      </FormField>
    </li>
  );
}

export function QualificationSection({ values, onChange, errors }: SectionProps) {
  const fields = values.qualificationFields;
  const set = (next: QualificationField[]) => onChange({ qualificationFields: next });
  return (
    <EditorSection
      id="qualificacao"
      title="Qualificação"
      description="O que o agente descobre do lead durante a conversa. Começa com o BANT: necessidade, orçamento, decisor e prazo."
    >
      <ul className="grid gap-3">
        {fields.map((field, index) => (
          <FieldRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; the key is edited as you type.
            key={index}
            index={index}
            field={field}
            errors={errors}
            onChange={(changed) => set(fields.map((f, i) => (i === index ? changed : f)))}
            onRemove={() => set(fields.filter((_, i) => i !== index))}
          />
        ))}
      </ul>
      {errors.qualificationFields && (
        <p className="text-xs font-medium text-red-700">{errors.qualificationFields}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="outline"
          size="sm"
          disabled={fields.length >= maxFields}
          onClick={() => set([...fields, { key: '', label: '', description: '', required: false }])}
        >
          <Plus aria-hidden="true" />
          Adicionar campo
        </Button>
        <Button variant="ghost" size="sm" onClick={() => set(defaultQualificationFields)}>
          <RotateCcw aria-hidden="true" />
          Voltar ao BANT
        </Button>
      </div>
      <FormField
        id="agent-score-rule"
        label="Regra de pontuação"
        error={errors.scoreRule}
        hint="Em palavras simples, como dar a nota de 0 a 100 ao lead."
      >
        {(field) => (
          <Textarea
            {...field}
            rows={3}
            maxLength={2000}
            value={values.scoreRule}
            onChange={(e) => onChange({ scoreRule: e.target.value })}
          />
        )}
      </FormField>
    </EditorSection>
  );
}
