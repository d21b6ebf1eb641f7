import type { ChannelStatus, ProviderKindName } from '@piloto/contracts';

export type CredentialField = {
  key: string;
  label: string;
  /** Where to find the value in the provider's panel. */
  help: string;
  placeholder?: string;
  optional?: boolean;
  secret?: boolean;
};

type ProviderInfo = {
  label: string;
  description: string;
  fields: CredentialField[];
  /** Z-API and Evolution run on a regular phone: pacing keeps the number from being banned. */
  hasDailyLimit: boolean;
};

export const providerInfo: Record<ProviderKindName, ProviderInfo> = {
  zapi: {
    label: 'Z-API',
    description: 'WhatsApp comum ou Business conectado por QR code, via Z-API.',
    hasDailyLimit: true,
    fields: [
      {
        key: 'instanceId',
        label: 'ID da instância',
        help: 'No painel da Z-API, abra Instâncias e clique na sua instância: é o campo "ID".',
        placeholder: '3C5A9F…',
      },
      {
        key: 'token',
        label: 'Token da instância',
        help: 'Na mesma tela da instância, campo "Token".',
        secret: true,
      },
      {
        key: 'clientToken',
        label: 'Client-Token da conta',
        help: 'Em Segurança → "Token de segurança da conta" (ative-o se ainda não estiver ativo).',
        secret: true,
      },
      {
        key: 'baseUrl',
        label: 'URL da API',
        help: 'Só se a Z-API indicou um endereço próprio; em branco usa https://api.z-api.io.',
        placeholder: 'https://api.z-api.io',
        optional: true,
      },
    ],
  },
  evolution: {
    label: 'Evolution API',
    description: 'Seu próprio servidor Evolution API, conectado por QR code.',
    hasDailyLimit: true,
    fields: [
      {
        key: 'baseUrl',
        label: 'URL do servidor Evolution',
        help: 'O endereço onde sua Evolution API responde (o mesmo do Evolution Manager, sem /manager).',
        placeholder: 'https://evolution.suaempresa.com.br',
      },
      {
        key: 'instanceName',
        label: 'Nome da instância',
        help: 'Como aparece na lista de instâncias do Evolution Manager.',
        placeholder: 'comercial',
      },
      {
        key: 'apiKey',
        label: 'API key',
        help: 'A apikey da instância (Manager → instância → "Token") ou a global do servidor (AUTHENTICATION_API_KEY).',
        secret: true,
      },
    ],
  },
  cloud: {
    label: 'WhatsApp Cloud API (oficial)',
    description: 'A API oficial da Meta, com número verificado no WhatsApp Business Platform.',
    hasDailyLimit: false,
    fields: [
      {
        key: 'phoneNumberId',
        label: 'Phone number ID',
        help: 'Meta for Developers → seu app → WhatsApp → Configuração da API, abaixo do número.',
        placeholder: '1234567890…',
      },
      {
        key: 'wabaId',
        label: 'WhatsApp Business Account ID',
        help: 'Na mesma tela, "Identificação da conta do WhatsApp Business".',
      },
      {
        key: 'accessToken',
        label: 'Token de acesso permanente',
        help: 'Configurações do negócio → Usuários do sistema → Gerar token, com as permissões whatsapp_business_messaging e whatsapp_business_management.',
        secret: true,
      },
      {
        key: 'appSecret',
        label: 'App Secret',
        help: 'No app da Meta: Configurações do app → Básico → "Chave secreta do aplicativo".',
        secret: true,
      },
      {
        key: 'verifyToken',
        label: 'Token de verificação do webhook',
        help: 'Uma senha que você inventa; cole a mesma no campo "Verificar token" do webhook na Meta.',
        secret: true,
      },
      {
        key: 'apiVersion',
        label: 'Versão da Graph API',
        help: 'Em branco usa a versão recomendada.',
        placeholder: 'v21.0',
        optional: true,
      },
    ],
  },
  sandbox: {
    label: 'Sandbox',
    description: 'Um número de teste: converse pelo simulador, sem WhatsApp de verdade.',
    hasDailyLimit: false,
    fields: [],
  },
};

export const providerOrder: ProviderKindName[] = ['zapi', 'evolution', 'cloud', 'sandbox'];

export const channelStatusInfo: Record<
  ChannelStatus,
  { label: string; variant: 'success' | 'danger' | 'warning' | 'default' }
> = {
  connected: { label: 'Conectado', variant: 'success' },
  disconnected: { label: 'Desconectado', variant: 'danger' },
  qr_needed: { label: 'QR code necessário', variant: 'warning' },
  unknown: { label: 'Desconhecido', variant: 'default' },
};
