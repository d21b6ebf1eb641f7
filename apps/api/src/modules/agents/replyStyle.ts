/**
 * Turns a model answer into WhatsApp bubbles: one per paragraph; a link, Pix key, code or price list
 * alone in its bubble; at most `max` bubbles (the rest joins the last one).
 */
export function splitIntoBubbles(text: string, opts: { split: boolean; max: number }): string[] {
  const clean = text.replace(/\r\n/g, '\n').trim();
  if (!clean) return [];
  if (!opts.split) return [clean];
  const blocks: string[] = [];
  for (const paragraph of clean.split(/\n{2,}/)) {
    const lines = paragraph.split('\n');
    let current: string[] = [];
    for (const line of lines) {
      if (standsAlone(line)) {
        if (current.length) blocks.push(current.join('\n'));
        blocks.push(line.trim());
        current = [];
      } else {
        current.push(line);
      }
    }
    if (current.length && current.join('').trim()) blocks.push(current.join('\n').trim());
  }
  if (blocks.length <= opts.max) return blocks;
  return [...blocks.slice(0, opts.max - 1), blocks.slice(opts.max - 1).join('\n\n')];
}

/** Things people copy with one tap: links, Pix keys, codes. */
export function standsAlone(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (/^https?:\/\/\S+$/.test(t)) return true;
  if (/^(chave\s+)?pix\s*:/i.test(t)) return true;
  if (/^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/.test(t) || /^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(t)) return true; // CNPJ/CPF
  if (/^[A-Z0-9]{6,}$/.test(t)) return true; // coupon or order code
  return false;
}

/** "Typing…" time before a bubble: proportional to its length, like a person typing. */
export function typingDelayMs(text: string): number {
  return Math.min(6000, Math.max(1000, text.length * 35));
}
