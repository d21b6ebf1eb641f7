import type { Role } from '@piloto/contracts';

export const roleLabels: Record<Role, string> = {
  owner: 'Proprietário',
  admin: 'Administrador',
  seller: 'Vendedor',
};

export const roleDescriptions: Record<Role, string> = {
  owner: 'Acesso total, inclusive assinatura e outros proprietários.',
  admin: 'Configura a empresa, os agentes e a equipe.',
  seller: 'Atende conversas, follow-ups e o CRM.',
};
