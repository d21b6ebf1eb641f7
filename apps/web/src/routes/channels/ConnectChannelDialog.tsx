import type { Channel, ProviderKindName } from '@piloto/contracts';
import { ArrowLeft, FlaskConical, Plus, Smartphone } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog.tsx';
import { ApiError, errorMessage, type FieldErrors } from '@/lib/apiClient.ts';
import { providerInfo, providerOrder } from '@/lib/channelProviders.ts';
import { cn } from '@/lib/cn.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useCreateChannel } from '@/lib/queries/channelQueries.ts';
import { ChannelForm, emptyChannelForm } from './ChannelForm.tsx';
import { toCreateBody } from './channelFormBody.ts';
import { WebhookInstructions } from './WebhookInstructions.tsx';

function ProviderPicker({ onPick }: { onPick: (provider: ProviderKindName) => void }) {
  return (
    <ul className="grid gap-2">
      {providerOrder.map((p) => {
        const Icon = p === 'sandbox' ? FlaskConical : Smartphone;
        return (
          <li key={p}>
            <button
              type="button"
              onClick={() => onPick(p)}
              className="flex w-full items-start gap-3 rounded-lg border bg-white p-3 text-left transition-colors hover:border-brand-300 hover:bg-brand-50/50 focus-visible:outline-2 focus-visible:outline-ring"
            >
              <span
                className={cn(
                  'flex size-9 shrink-0 items-center justify-center rounded-md ring-1',
                  p === 'sandbox'
                    ? 'bg-violet-50 text-violet-700 ring-violet-100'
                    : 'bg-brand-50 text-brand-700 ring-brand-100',
                )}
              >
                <Icon className="size-4" aria-hidden="true" />
              </span>
              <span className="min-w-0">
                <span className="block text-sm font-medium text-slate-900">{providerInfo[p].label}</span>
                <span className="block text-xs text-slate-600">{providerInfo[p].description}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Connect a number in three steps: provider, its credentials, then where to paste the webhook. */
export function ConnectChannelDialog() {
  const { orgId } = useCurrentOrg();
  const createChannel = useCreateChannel(orgId);
  const [open, setOpen] = useState(false);
  const [provider, setProvider] = useState<ProviderKindName | null>(null);
  const [created, setCreated] = useState<Channel | null>(null);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});

  const reset = () => {
    setProvider(null);
    setCreated(null);
    setLocalErrors({});
    createChannel.reset();
  };
  const apiFields = createChannel.error instanceof ApiError ? createChannel.error.fields : {};
  const errors = { ...apiFields, ...localErrors };
  const formError =
    createChannel.isError && Object.keys(apiFields).length === 0 ? errorMessage(createChannel.error) : null;

  const title = created
    ? 'Número cadastrado'
    : provider
      ? `Conectar via ${providerInfo[provider].label}`
      : 'Conectar número';
  const description = created
    ? created.provider === 'sandbox'
      ? 'Pronto para testar.'
      : 'Falta um passo: avise o provedor para onde mandar as mensagens.'
    : provider
      ? 'Copie os dados do painel do provedor. Guardamos as chaves criptografadas.'
      : 'Escolha como este número de WhatsApp se conecta.';

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" />
          Conectar número
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {created ? (
          <>
            <WebhookInstructions channel={created} />
            <DialogFooter>
              {created.provider === 'sandbox' && (
                <Button variant="outline" asChild>
                  <Link to={`/sandbox/${created.id}`} target="_blank" rel="noopener">
                    Abrir simulador
                  </Link>
                </Button>
              )}
              <DialogClose asChild>
                <Button>Concluir</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : provider ? (
          <>
            {formError && <Alert variant="error">{formError}</Alert>}
            <ChannelForm
              id="connect"
              provider={provider}
              initial={{ ...emptyChannelForm, name: provider === 'sandbox' ? 'Número de teste' : '' }}
              errors={errors}
              onSubmit={(values) => {
                const parsed = toCreateBody(provider, values);
                setLocalErrors(parsed.ok ? {} : parsed.errors);
                if (!parsed.ok) return;
                createChannel.mutate(parsed.body, {
                  onSuccess: (channel) => {
                    setCreated(channel);
                    toast.success(`${channel.name} cadastrado.`);
                  },
                });
              }}
              footer={
                <DialogFooter className="sm:justify-between">
                  <Button variant="ghost" onClick={reset}>
                    <ArrowLeft aria-hidden="true" />
                    Trocar provedor
                  </Button>
                  <Button type="submit" loading={createChannel.isPending}>
                    Conectar
                  </Button>
                </DialogFooter>
              }
            />
          </>
        ) : (
          <ProviderPicker onPick={setProvider} />
        )}
      </DialogContent>
    </Dialog>
  );
}
