import type { ProviderKind, WhatsAppProvider } from './provider.ts';
import { cloudProvider } from './providers/cloud/cloud.ts';
import { evolutionProvider } from './providers/evolution/evolution.ts';
import { sandboxProvider } from './providers/sandbox/sandbox.ts';
import { zapiProvider } from './providers/zapi/zapi.ts';

/** Adding a provider is adding its folder under providers/ and one line here. */
export const providers: Record<ProviderKind, WhatsAppProvider<unknown>> = {
  sandbox: sandboxProvider as WhatsAppProvider<unknown>,
  zapi: zapiProvider as WhatsAppProvider<unknown>,
  evolution: evolutionProvider as WhatsAppProvider<unknown>,
  cloud: cloudProvider as WhatsAppProvider<unknown>,
};

export function providerFor(kind: ProviderKind): WhatsAppProvider<unknown> {
  const provider = providers[kind];
  if (!provider) throw new Error(`provider ${kind} is not available`);
  return provider;
}
