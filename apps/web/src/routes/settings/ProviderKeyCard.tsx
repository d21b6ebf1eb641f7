import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { CredentialField } from '@/components/CredentialField.tsx';
import { Badge } from '@/components/ui/badge.tsx';
import { Button } from '@/components/ui/button.tsx';
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '@/components/ui/card.tsx';
import { type KeyProvider, keyProviderLabels } from '@/lib/agentLabels.ts';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import {
  type AiKeyField,
  type AiProviderStatus,
  type AiSettingsBody,
  useUpdateAiSettings,
} from '@/lib/queries/agentQueries.ts';

export type KeyStatus = Omit<AiProviderStatus, 'provider'> & { provider: KeyProvider };

const providerCopy: Record<KeyProvider, { keyField: AiKeyField; description: string; keyHelp: string }> = {
  openai: {
    keyField: 'openaiApiKey',
    description: 'Modelos GPT (ex.: gpt-4.1-mini).',
    keyHelp: 'Crie em platform.openai.com → API keys. Começa com “sk-”.',
  },
  anthropic: {
    keyField: 'anthropicApiKey',
    description: 'Modelos Claude (ex.: claude-sonnet-4-5).',
    keyHelp: 'Crie em console.anthropic.com → API Keys. Começa com “sk-ant-”.',
  },
  gemini: {
    keyField: 'geminiApiKey',
    description: 'Modelos Gemini (ex.: gemini-2.5-flash).',
    keyHelp: 'Crie no Google AI Studio → Get API key.',
  },
  openai_compatible: {
    keyField: 'compatibleApiKey',
    description: 'Qualquer servidor com a API da OpenAI: Ollama, vLLM, OpenRouter, LM Studio.',
    keyHelp: 'Só se o servidor exigir (OpenRouter exige; Ollama local não).',
  },
  elevenlabs: {
    keyField: 'elevenlabsApiKey',
    description: 'Vozes naturais em português para o agente responder com áudio.',
    keyHelp: 'Crie em elevenlabs.io → Developers → API Keys.',
  },
};

function StatusBadges({ status }: { status: KeyStatus }) {
  return (
    <div className="flex flex-wrap gap-1.5">
      {status.configured ? (
        <Badge variant="success">Chave da empresa</Badge>
      ) : status.fromEnvironment ? null : (
        <Badge variant="default">Sem chave</Badge>
      )}
      {status.fromEnvironment && (
        <Badge variant="info" title="Definida pelo servidor; usada quando a empresa não tem a sua.">
          da variável de ambiente
        </Badge>
      )}
    </div>
  );
}

/** One provider: its state, a new key (blank keeps the current one) and a way to remove it. */
export function ProviderKeyCard({ status }: { status: KeyStatus }) {
  const { orgId } = useCurrentOrg();
  const update = useUpdateAiSettings(orgId);
  const copy = providerCopy[status.provider];
  const compatible = status.provider === 'openai_compatible';
  const [key, setKey] = useState('');
  const [baseUrl, setBaseUrl] = useState(status.baseUrl ?? '');
  const fields = update.error instanceof ApiError ? update.error.fields : {};
  const id = `ai-${status.provider}`;
  const changed = key.trim() !== '' || (compatible && baseUrl.trim() !== (status.baseUrl ?? ''));

  const send = (body: AiSettingsBody, success: string) =>
    update.mutate(body, {
      onSuccess: () => {
        setKey('');
        toast.success(success);
      },
      onError: (error) => {
        if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0)
          toast.error(errorMessage(error));
      },
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: AiSettingsBody = {};
    if (key.trim()) body[copy.keyField] = key.trim();
    if (compatible) body.compatibleBaseUrl = baseUrl.trim() || null;
    send(body, `${keyProviderLabels[status.provider]}: configuração salva.`);
  };
  const remove = () =>
    send(
      compatible ? { compatibleApiKey: null, compatibleBaseUrl: null } : { [copy.keyField]: null },
      `${keyProviderLabels[status.provider]}: chave removida.`,
    );

  return (
    <Card className="flex flex-col">
      <form onSubmit={submit} noValidate className="flex flex-1 flex-col">
        <CardHeader>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle>{keyProviderLabels[status.provider]}</CardTitle>
            <StatusBadges status={status} />
          </div>
          <CardDescription>{copy.description}</CardDescription>
        </CardHeader>
        <CardContent className="grid flex-1 content-start gap-4">
          {compatible && (
            <CredentialField
              id={`${id}-url`}
              type="url"
              label="URL base"
              help="Ex.: http://localhost:11434/v1 (Ollama) ou https://openrouter.ai/api/v1"
              placeholder="https://…/v1"
              value={baseUrl}
              onChange={setBaseUrl}
              error={fields.compatibleBaseUrl}
            />
          )}
          <CredentialField
            id={`${id}-key`}
            secret
            label={compatible ? 'Chave de API (opcional)' : 'Chave de API'}
            help={copy.keyHelp}
            masked={status.configured ? status.preview : null}
            placeholder={status.fromEnvironment ? 'Usando a chave do servidor' : 'Cole a chave aqui'}
            value={key}
            onChange={setKey}
            error={fields[copy.keyField]}
          />
        </CardContent>
        <CardFooter className="justify-between">
          {status.configured || (compatible && status.baseUrl) ? (
            <Button
              variant="ghost"
              size="sm"
              className="text-red-700"
              onClick={remove}
              disabled={update.isPending}
            >
              Remover
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" size="sm" loading={update.isPending} disabled={!changed}>
            Salvar
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
