import type { Channel } from '@piloto/contracts';
import type { ReactNode } from 'react';
import { CopyButton } from '@/components/CopyButton.tsx';

function CopyRow({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-1.5">
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded-md border bg-slate-50 px-3 py-2 font-mono text-xs text-slate-800">
          {value}
        </code>
        <CopyButton value={value} label={`Copiar ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}

function Steps({ children }: { children: ReactNode }) {
  return (
    <ol className="list-decimal space-y-1.5 pl-5 text-sm text-slate-700 marker:text-slate-500">{children}</ol>
  );
}

const evolutionEvents = [
  'MESSAGES_UPSERT',
  'MESSAGES_UPDATE',
  'SEND_MESSAGE',
  'CONNECTION_UPDATE',
  'QRCODE_UPDATED',
];

/** Where to paste the webhook URL in each provider's panel (the last step of connecting a number). */
export function WebhookInstructions({ channel }: { channel: Channel }) {
  const url = channel.webhookUrl;
  if (channel.provider === 'sandbox' || !url) {
    return (
      <p className="text-sm text-slate-700">
        Números de teste não precisam de webhook: abra o simulador e converse como se fosse um cliente.
      </p>
    );
  }
  return (
    <div className="grid min-w-0 gap-4">
      <CopyRow label="URL do webhook" value={url} />
      <p className="text-xs text-slate-600">
        Esta URL contém uma chave secreta do número: não a compartilhe fora do painel do provedor.
      </p>
      {channel.provider === 'zapi' && (
        <Steps>
          <li>
            No painel da Z-API, abra a sua instância e vá em <strong>Webhooks</strong>.
          </li>
          <li>
            Cole a URL em <strong>Ao receber</strong>, <strong>Ao enviar</strong>,{' '}
            <strong>Status da mensagem</strong>, <strong>Ao desconectar</strong> e{' '}
            <strong>Ao conectar</strong>.
          </li>
          <li>
            Ative <strong>Notificar as enviadas por mim também</strong>, para ver aqui o que for enviado pelo
            celular.
          </li>
          <li>Salve e clique em “Testar conexão” nesta página.</li>
        </Steps>
      )}
      {channel.provider === 'evolution' && (
        <>
          <Steps>
            <li>
              Configure o webhook da instância (Evolution Manager → instância → Webhook, ou{' '}
              <code className="font-mono text-xs">POST /webhook/set/{'{instância}'}</code>) com esta URL,
              ativado.
            </li>
            <li>Marque os eventos abaixo e deixe “Webhook by events” desligado.</li>
            <li>Salve e clique em “Testar conexão” nesta página.</li>
          </Steps>
          <ul className="flex flex-wrap gap-1.5" aria-label="Eventos do webhook">
            {evolutionEvents.map((e) => (
              <li key={e}>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                  {e}
                </code>
              </li>
            ))}
          </ul>
        </>
      )}
      {channel.provider === 'cloud' && (
        <>
          <Steps>
            <li>
              No Meta for Developers, abra o seu app → <strong>WhatsApp</strong> →{' '}
              <strong>Configuração</strong>.
            </li>
            <li>
              Em Webhook, clique em <strong>Editar</strong>: cole a URL em “URL de callback” e, em “Verificar
              token”, o mesmo token de verificação que você informou aqui.
            </li>
            <li>
              Em <strong>Campos do webhook</strong>, assine{' '}
              <code className="font-mono text-xs">messages</code>.
            </li>
          </Steps>
          {channel.credentialsPreview.verifyToken && (
            <p className="text-xs text-slate-600">
              Token de verificação cadastrado: {channel.credentialsPreview.verifyToken}
            </p>
          )}
        </>
      )}
    </div>
  );
}
