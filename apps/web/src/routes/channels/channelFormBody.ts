import {
  type Channel,
  type CreateChannelBody,
  createChannelBodySchema,
  type ProviderKindName,
  type UpdateChannelBody,
  updateChannelBodySchema,
} from '@piloto/contracts';
import type { FieldErrors } from '@/lib/apiClient.ts';
import { providerInfo } from '@/lib/channelProviders.ts';
import { zodFieldErrors } from '@/lib/zodFieldErrors.ts';
import type { ChannelFormValues } from './ChannelForm.tsx';

type Parsed<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

const limitOf = (value: string) => (value.trim() === '' ? null : Number(value));

/** Every required field (blank ones fail validation with their own message); blank optional ones are left out. */
function credentialsToSend(provider: ProviderKindName, values: ChannelFormValues, keepBlank: boolean) {
  const out: Record<string, string> = {};
  for (const f of providerInfo[provider].fields) {
    const value = (values.credentials[f.key] ?? '').trim();
    if (value !== '' || (!f.optional && keepBlank)) out[f.key] = value;
  }
  return out;
}

export function toCreateBody(
  provider: ProviderKindName,
  values: ChannelFormValues,
): Parsed<CreateChannelBody> {
  const raw = {
    provider,
    name: values.name,
    phoneNumber: values.phoneNumber.trim() || undefined,
    credentials: credentialsToSend(provider, values, true),
    dailySendLimit: providerInfo[provider].hasDailyLimit ? limitOf(values.dailySendLimit) : undefined,
  };
  const result = createChannelBodySchema.safeParse(
    provider === 'sandbox' ? { provider, name: values.name } : raw,
  );
  return result.success
    ? { ok: true, body: result.data }
    : { ok: false, errors: zodFieldErrors(result.error) };
}

/** The form's starting point for an existing channel: plain values shown, secrets left blank. */
export function formValuesOf(channel: Channel): ChannelFormValues {
  const credentials: Record<string, string> = {};
  for (const f of providerInfo[channel.provider].fields) {
    if (!f.secret) credentials[f.key] = channel.credentialsPreview[f.key] ?? '';
  }
  return {
    name: channel.name,
    phoneNumber: channel.phoneNumber ?? '',
    dailySendLimit: channel.dailySendLimit == null ? '' : String(channel.dailySendLimit),
    credentials,
  };
}

/** Credentials go only when something changed; blank secrets are left out (kept by the API). */
export function toUpdateBody(channel: Channel, values: ChannelFormValues): Parsed<UpdateChannelBody> {
  const initial = formValuesOf(channel);
  const credentials = credentialsToSend(channel.provider, values, false);
  const credentialsChanged = providerInfo[channel.provider].fields.some(
    (f) => (values.credentials[f.key] ?? '').trim() !== (initial.credentials[f.key] ?? '').trim(),
  );
  const result = updateChannelBodySchema.safeParse({
    name: values.name,
    phoneNumber: values.phoneNumber.trim() || null,
    credentials: credentialsChanged ? credentials : undefined,
    dailySendLimit: providerInfo[channel.provider].hasDailyLimit ? limitOf(values.dailySendLimit) : undefined,
  });
  return result.success
    ? { ok: true, body: result.data }
    : { ok: false, errors: zodFieldErrors(result.error) };
}
