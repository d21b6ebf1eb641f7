export type SandboxLead = { name: string; phone: string };

const key = (channelId: string) => `piloto.sandbox.${channelId}`;

/** A plausible São Paulo mobile: +55 11 9xxxx-xxxx. */
export function randomLeadPhone(): string {
  const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10)).join('');
  return `+55119${digits}`;
}

export function readLead(channelId: string): SandboxLead {
  try {
    const stored = JSON.parse(window.localStorage.getItem(key(channelId)) ?? 'null');
    if (stored && typeof stored.name === 'string' && typeof stored.phone === 'string') return stored;
  } catch {
    // Broken or missing: start a new lead.
  }
  return { name: 'Lead de teste', phone: randomLeadPhone() };
}

export function storeLead(channelId: string, lead: SandboxLead): void {
  try {
    window.localStorage.setItem(key(channelId), JSON.stringify(lead));
  } catch {
    // Private mode: the lead lasts for this page only.
  }
}
