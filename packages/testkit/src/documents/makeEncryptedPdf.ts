import { createHash } from 'node:crypto';

/** The 32-byte padding of the PDF standard security handler (ISO 32000-1, 7.6.3.3). */
const PASSWORD_PADDING = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
  'hex',
);
const PERMISSIONS = -44; // print, copy and edit denied; only the bits a revision-2 handler knows
const DOCUMENT_ID = Buffer.from('5e1f0c0a9d3b4c2e8f7a6b5c4d3e2f10', 'hex');

/**
 * A real password-protected PDF: one page of Helvetica text under the standard security handler,
 * revision 2 (RC4, 40-bit key), opened only with `userPassword`. pdf-lib cannot encrypt, so the bytes
 * are written by hand; PDF.js opens it with the password and asks for one without it.
 */
export function makeEncryptedPdf(
  options: { userPassword?: string; ownerPassword?: string; text?: string } = {},
): Buffer {
  const userPassword = options.userPassword ?? 'senha123';
  const ownerPassword = options.ownerPassword ?? 'dono-do-arquivo';
  const text = options.text ?? 'Tabela de preços confidencial';

  const ownerKey = md5(padPassword(ownerPassword)).subarray(0, 5);
  const ownerEntry = rc4(ownerKey, padPassword(userPassword));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(PERMISSIONS);
  const fileKey = md5(
    Buffer.concat([padPassword(userPassword), ownerEntry, permissions, DOCUMENT_ID]),
  ).subarray(0, 5);
  const userEntry = rc4(fileKey, PASSWORD_PADDING);

  const content = Buffer.from(`BT /F1 18 Tf 56 760 Td (${escapePdfString(text)}) Tj ET`, 'latin1');
  const encryptedContent = rc4(objectKey(fileKey, 5, 0), content);

  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    ),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.concat([
      Buffer.from(`<< /Length ${encryptedContent.length} >>\nstream\n`),
      encryptedContent,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from(
      `<< /Filter /Standard /V 1 /R 2 /O <${ownerEntry.toString('hex')}> /U <${userEntry.toString('hex')}> /P ${PERMISSIONS} >>`,
    ),
  ];

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xrefOffset = length;
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${DOCUMENT_ID.toString('hex')}> <${DOCUMENT_ID.toString('hex')}>] >>`,
    'startxref',
    String(xrefOffset),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

function padPassword(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PADDING]).subarray(0, 32);
}

/** Per-object key (algorithm 1): the file key salted with the object and generation numbers. */
function objectKey(fileKey: Buffer, objectNumber: number, generation: number): Buffer {
  const salt = Buffer.from([
    objectNumber & 0xff,
    (objectNumber >> 8) & 0xff,
    (objectNumber >> 16) & 0xff,
    generation & 0xff,
    (generation >> 8) & 0xff,
  ]);
  return md5(Buffer.concat([fileKey, salt])).subarray(0, Math.min(fileKey.length + 5, 16));
}

function md5(data: Buffer): Buffer {
  return createHash('md5').update(data).digest();
}

/** RC4 by hand: OpenSSL 3 only offers it through the legacy provider, which Node does not load. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const state = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + state[i] + key[i % key.length]) & 0xff;
    [state[i], state[j]] = [state[j], state[i]];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + state[i]) & 0xff;
    [state[i], state[j]] = [state[j], state[i]];
    out[k] = data[k] ^ state[(state[i] + state[j]) & 0xff];
  }
  return out;
}

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}
