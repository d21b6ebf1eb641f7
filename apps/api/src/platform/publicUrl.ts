import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Whether a URL the user gave us may be fetched by the server: http(s) only, and — unless private
 * networks are allowed — a host that resolves only to public addresses (no loopback, private ranges,
 * link-local such as the cloud metadata server, CGNAT or unique-local IPv6). Returns why not, or null.
 */
export async function urlFetchProblem(url: string, opts: { allowPrivate: boolean }): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Endereço inválido.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'Use um endereço http:// ou https://.';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === 'metadata.google.internal') return 'Esse endereço não pode ser importado.';
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return 'Não encontramos esse endereço. Confira se está certo.';
  }
  // Link-local (169.254.x: the metadata server) is never allowed; private networks only when configured.
  if (addresses.some((a) => isLinkLocal(a))) return 'Esse endereço não pode ser importado.';
  if (!opts.allowPrivate && addresses.some((a) => isPrivate(a)))
    return 'Só dá para importar páginas públicas da internet.';
  return null;
}

function isLinkLocal(address: string): boolean {
  return /^169\.254\./.test(address) || /^fe[89ab][0-9a-f]:/i.test(address);
}

function isPrivate(address: string): boolean {
  const v4 = address.replace(/^::ffff:/i, '');
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const v6 = address.toLowerCase();
  return v6 === '::1' || v6 === '::' || /^f[cd][0-9a-f]{2}:/.test(v6);
}
