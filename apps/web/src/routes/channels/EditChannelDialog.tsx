import type { Channel } from '@piloto/contracts';
import { useState } from 'react';
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
} from '@/components/ui/dialog.tsx';
import { ApiError, errorMessage, type FieldErrors } from '@/lib/apiClient.ts';
import { providerInfo } from '@/lib/channelProviders.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useUpdateChannel } from '@/lib/queries/channelQueries.ts';
import { ChannelForm } from './ChannelForm.tsx';
import { formValuesOf, toUpdateBody } from './channelFormBody.ts';

export function EditChannelDialog({ channel, onClose }: { channel: Channel | null; onClose: () => void }) {
  return (
    <Dialog open={channel !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-xl">
        {channel && <EditChannelBody key={channel.id} channel={channel} onClose={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function EditChannelBody({ channel, onClose }: { channel: Channel; onClose: () => void }) {
  const { orgId } = useCurrentOrg();
  const updateChannel = useUpdateChannel(orgId);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const apiFields = updateChannel.error instanceof ApiError ? updateChannel.error.fields : {};
  const formError =
    updateChannel.isError && Object.keys(apiFields).length === 0 ? errorMessage(updateChannel.error) : null;

  return (
    <>
      <DialogHeader>
        <DialogTitle>Editar {channel.name}</DialogTitle>
        <DialogDescription>{providerInfo[channel.provider].label}</DialogDescription>
      </DialogHeader>
      {formError && <Alert variant="error">{formError}</Alert>}
      <ChannelForm
        id="edit-channel"
        provider={channel.provider}
        initial={formValuesOf(channel)}
        preview={channel.credentialsPreview}
        errors={{ ...apiFields, ...localErrors }}
        onSubmit={(values) => {
          const parsed = toUpdateBody(channel, values);
          setLocalErrors(parsed.ok ? {} : parsed.errors);
          if (!parsed.ok) return;
          updateChannel.mutate(
            { channelId: channel.id, body: parsed.body },
            {
              onSuccess: (saved) => {
                toast.success(`${saved.name} atualizado.`);
                onClose();
              },
            },
          );
        }}
        footer={
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancelar</Button>
            </DialogClose>
            <Button type="submit" loading={updateChannel.isPending}>
              Salvar
            </Button>
          </DialogFooter>
        }
      />
    </>
  );
}
