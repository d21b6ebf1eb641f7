import { type ModelChoice, type ModelProvider, modelProviderSchema } from '@piloto/contracts';
import { CheckCircle2, KeyRound } from 'lucide-react';
import { Link } from 'react-router';
import { FormField } from '@/components/FormField.tsx';
import { Input } from '@/components/ui/input.tsx';
import { NativeSelect } from '@/components/ui/select.tsx';
import { modelSuggestions, providerLabels } from '@/lib/agentLabels.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { type AiProviderStatus, useAiSettings } from '@/lib/queries/agentQueries.ts';
import type { SectionProps } from './agentFormState.ts';
import { EditorSection } from './EditorSection.tsx';

const providers = modelProviderSchema.options;

function KeyStatus({ status }: { status: AiProviderStatus | undefined }) {
  if (!status) return null;
  if (status.configured || status.fromEnvironment) {
    return (
      <p className="flex items-center gap-1.5 text-xs text-brand-800">
        <CheckCircle2 className="size-3.5" aria-hidden="true" />
        {status.configured ? 'Chave da empresa configurada' : 'Usando a chave do servidor'}
      </p>
    );
  }
  return (
    <p className="flex items-center gap-1.5 text-xs text-amber-800">
      <KeyRound className="size-3.5" aria-hidden="true" />
      Sem chave para {providerLabels[status.provider]}.{' '}
      <Link to="/configuracoes/ia" className="font-medium underline">
        Configurar
      </Link>
    </p>
  );
}

function ModelPicker({
  id,
  label,
  emptyLabel,
  value,
  onChange,
  errors,
  path,
  statuses,
}: {
  id: string;
  label: string;
  emptyLabel: string;
  value: ModelChoice | null;
  onChange: (value: ModelChoice | null) => void;
  errors: SectionProps['errors'];
  path: 'model' | 'fallbackModel';
  statuses: AiProviderStatus[] | undefined;
}) {
  const listId = `${id}-suggestions`;
  const pickProvider = (provider: string) =>
    onChange(
      provider
        ? { provider: provider as ModelProvider, name: modelSuggestions[provider as ModelProvider][0] ?? '' }
        : null,
    );
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-medium text-slate-900">{label}</legend>
      <FormField id={`${id}-provider`} label="Provedor" error={errors[`${path}.provider`] ?? errors[path]}>
        {(field) => (
          <NativeSelect
            {...field}
            value={value?.provider ?? ''}
            onChange={(e) => pickProvider(e.target.value)}
          >
            <option value="">{emptyLabel}</option>
            {providers.map((p) => (
              <option key={p} value={p}>
                {providerLabels[p]}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
      {value && (
        <FormField id={`${id}-name`} label="Modelo" error={errors[`${path}.name`]}>
          {(field) => (
            <>
              <Input
                {...field}
                list={listId}
                spellCheck={false}
                className="font-mono text-[13px]"
                value={value.name}
                onChange={(e) => onChange({ ...value, name: e.target.value })}
              />
              <datalist id={listId}>
                {modelSuggestions[value.provider].map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
      )}
      {value && (
        <div className="sm:col-span-2">
          <KeyStatus status={statuses?.find((s) => s.provider === value.provider)} />
        </div>
      )}
    </fieldset>
  );
}

export function ModelSection({ values, onChange, errors }: SectionProps) {
  const { orgId } = useCurrentOrg();
  const settings = useAiSettings(orgId);
  const statuses = settings.data?.providers;
  return (
    <EditorSection
      id="modelo"
      title="Modelo"
      description="O modelo de IA que escreve as respostas. O reserva entra quando o principal falha."
    >
      <ModelPicker
        id="model"
        label="Modelo principal"
        emptyLabel="Escolha um provedor"
        path="model"
        value={values.model}
        onChange={(model) => onChange({ model })}
        errors={errors}
        statuses={statuses}
      />
      <ModelPicker
        id="fallback"
        label="Modelo reserva (opcional)"
        emptyLabel="Sem modelo reserva"
        path="fallbackModel"
        value={values.fallbackModel}
        onChange={(fallbackModel) => onChange({ fallbackModel })}
        errors={errors}
        statuses={statuses}
      />
    </EditorSection>
  );
}
