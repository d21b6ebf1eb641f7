import type { AiTaskModels } from '@piloto/contracts';
import { KeyRound } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { FormField } from '@/components/FormField.tsx';
import { Button } from '@/components/ui/button.tsx';
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '@/components/ui/card.tsx';
import { Input } from '@/components/ui/input.tsx';
import { NativeSelect } from '@/components/ui/select.tsx';
import { type KeyProvider, keyProviderLabels } from '@/lib/agentLabels.ts';
import { ApiError, errorMessage, type FieldErrors } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { type AiSettings, useUpdateAiSettings } from '@/lib/queries/agentQueries.ts';
import { type AiTask, aiTaskInfo, aiTasks } from './taskModels.ts';

type Choice = { provider: KeyProvider | ''; name: string };
type Values = Record<AiTask, Choice>;

function valuesOf(models: AiTaskModels): Values {
  return Object.fromEntries(
    aiTasks.map((task) => [task, { provider: models[task]?.provider ?? '', name: models[task]?.name ?? '' }]),
  ) as Values;
}

/** Whether the company (or the server) has a key for this provider. */
function hasKey(settings: AiSettings, provider: KeyProvider): boolean {
  const status =
    provider === 'elevenlabs' ? settings.elevenlabs : settings.providers.find((p) => p.provider === provider);
  return Boolean(status?.configured || status?.fromEnvironment);
}

function TaskRow({
  task,
  value,
  onChange,
  errors,
  settings,
}: {
  task: AiTask;
  value: Choice;
  onChange: (value: Choice) => void;
  errors: FieldErrors;
  settings: AiSettings;
}) {
  const info = aiTaskInfo[task];
  const providers = Object.keys(info.suggestions) as KeyProvider[];
  const suggestions = value.provider ? (info.suggestions[value.provider] ?? []) : [];
  const id = `task-${task}`;
  return (
    <li className="py-4 first:pt-0 last:pb-0">
      <fieldset
        aria-labelledby={`${id}-label`}
        className="grid min-w-0 gap-3 md:grid-cols-[minmax(0,1fr)_11rem_14rem] md:items-start"
      >
        <div className="min-w-0">
          <p id={`${id}-label`} className="text-sm font-medium text-slate-900">
            {info.label}
          </p>
          <p className="mt-0.5 text-xs text-slate-600">{info.description}</p>
          {value.provider && !hasKey(settings, value.provider) && (
            <p className="mt-1 flex items-center gap-1.5 text-xs text-amber-800">
              <KeyRound className="size-3.5" aria-hidden="true" />
              Sem chave de {keyProviderLabels[value.provider]}: cadastre acima.
            </p>
          )}
        </div>
        <FormField
          id={`${id}-provider`}
          label="Provedor"
          error={errors[`models.${task}.provider`] ?? errors[`models.${task}`]}
        >
          {(field) => (
            <NativeSelect
              {...field}
              value={value.provider}
              onChange={(e) => {
                const provider = e.target.value as KeyProvider | '';
                onChange({ provider, name: provider ? (info.suggestions[provider]?.[0] ?? '') : '' });
              }}
            >
              <option value="">{info.noneLabel}</option>
              {providers.map((p) => (
                <option key={p} value={p}>
                  {keyProviderLabels[p]}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <FormField id={`${id}-name`} label="Modelo" error={errors[`models.${task}.name`]}>
          {(field) => (
            <>
              <Input
                {...field}
                list={`${id}-suggestions`}
                spellCheck={false}
                autoComplete="off"
                className="font-mono text-[13px]"
                disabled={!value.provider}
                placeholder={value.provider ? suggestions[0] : '—'}
                value={value.name}
                onChange={(e) => onChange({ ...value, name: e.target.value })}
              />
              <datalist id={`${id}-suggestions`}>
                {suggestions.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
      </fieldset>
    </li>
  );
}

/** "Modelos por tarefa": embeddings, classifier, transcription, vision and speech, each optional. */
export function TaskModelsCard({ settings }: { settings: AiSettings }) {
  const { orgId } = useCurrentOrg();
  const update = useUpdateAiSettings(orgId);
  const [values, setValues] = useState(() => valuesOf(settings.models));
  const [baseline, setBaseline] = useState(() => JSON.stringify(valuesOf(settings.models)));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const apiFields = update.error instanceof ApiError ? update.error.fields : {};
  const errors = { ...apiFields, ...localErrors };
  const dirty = JSON.stringify(values) !== baseline;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    for (const task of aiTasks) {
      const { provider, name } = values[task];
      if (provider && !name.trim()) found[`models.${task}.name`] = 'Informe o modelo';
    }
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const models = Object.fromEntries(
      aiTasks.map((task) => {
        const { provider, name } = values[task];
        return [task, provider ? { provider, name: name.trim() } : null];
      }),
    ) as Partial<AiTaskModels>;
    update.mutate(
      { models },
      {
        onSuccess: (saved) => {
          const next = valuesOf(saved.models);
          setValues(next);
          setBaseline(JSON.stringify(next));
          toast.success('Modelos por tarefa salvos.');
        },
        onError: (error) => {
          if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0)
            toast.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <CardHeader>
          <CardTitle>Modelos por tarefa</CardTitle>
          <CardDescription>
            Além de conversar, a IA busca, resume, ouve, vê e fala. Cada tarefa é opcional e usa as chaves
            acima; o modelo da conversa é escolhido em cada agente.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="divide-y">
            {aiTasks.map((task) => (
              <TaskRow
                key={task}
                task={task}
                value={values[task]}
                onChange={(value) => setValues((v) => ({ ...v, [task]: value }))}
                errors={errors}
                settings={settings}
              />
            ))}
          </ul>
        </CardContent>
        <CardFooter>
          <Button type="submit" size="sm" loading={update.isPending} disabled={!dirty}>
            Salvar modelos
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
