import { describe, expect, it } from 'vitest';
import { makeEncryptedPdf } from './makeEncryptedPdf.ts';

describe('makeEncryptedPdf', () => {
  it('writes a standard-security-handler PDF whose cross-reference table points at each object', () => {
    const pdf = makeEncryptedPdf({ text: 'Tabela de preços' });
    const text = pdf.toString('latin1');

    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text).toMatch(/\/Encrypt 6 0 R/);
    expect(text).toMatch(/\/Filter \/Standard \/V 1 \/R 2 \/O <[0-9a-f]{64}> \/U <[0-9a-f]{64}>/);
    expect(text).not.toContain('Tabela de preços'); // the content stream is RC4-encrypted

    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) =>
      Number(match[1]),
    );
    expect(offsets).toHaveLength(6);
    offsets.forEach((offset, index) => {
      expect(text.slice(offset, offset + 8)).toBe(`${index + 1} 0 obj\n`);
    });
  });

  it('is deterministic, so a test failure can be reproduced byte for byte', () => {
    expect(makeEncryptedPdf().equals(makeEncryptedPdf())).toBe(true);
    expect(makeEncryptedPdf({ userPassword: 'outra' }).equals(makeEncryptedPdf())).toBe(false);
  });
});
