import type { DocumentFormat } from './extractedDocument.ts';
import { KnowledgeFileError } from './knowledgeFileError.ts';

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
/** Office stores a password-protected .docx/.xlsx as an OLE container holding this stream. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const BINARY_MAGICS = [
  Buffer.from('89504e47', 'hex'), // PNG
  Buffer.from('ffd8ff', 'hex'), // JPEG
  Buffer.from('GIF8', 'latin1'),
  Buffer.from('RIFF', 'latin1'), // WebP, WAV, AVI
  Buffer.from('OggS', 'latin1'),
  Buffer.from('ID3', 'latin1'), // MP3
  Buffer.from('1f8b', 'hex'), // gzip
  Buffer.from('Rar!', 'latin1'),
  Buffer.from('7z', 'latin1'),
];

const BY_EXTENSION: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  csv: 'csv',
  tsv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  txt: 'text',
  text: 'text',
};
const BY_MIME: Record<string, DocumentFormat> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'text/tab-separated-values': 'csv',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
};

export const SUPPORTED_FORMATS_MESSAGE =
  'Envie PDF, Word (.docx), Excel (.xlsx), CSV, TXT, Markdown ou HTML.';

/** The format by content first (magic bytes), then by extension and MIME type for text files. */
export function detectFormat(bytes: Buffer, fileName: string, mimeType?: string): DocumentFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1].toLowerCase() ?? '';
  const declared = BY_EXTENSION[extension] ?? BY_MIME[mimeType?.split(';')[0].trim().toLowerCase() ?? ''];

  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (bytes.includes('word/document.xml')) return 'docx';
    if (bytes.includes('xl/workbook.xml')) return 'xlsx';
    if (declared === 'docx' || declared === 'xlsx') throw corrupt(fileName, declared);
    throw unsupported(fileName);
  }
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (bytes.includes(ENCRYPTED_PACKAGE)) {
      throw new KnowledgeFileError(
        'encrypted',
        'O arquivo está protegido por senha. Remova a senha no Word ou no Excel e envie de novo.',
        { fileName },
      );
    }
    throw new KnowledgeFileError(
      'unsupported',
      'Arquivos .doc e .xls (formato antigo do Office) não são aceitos. Abra no Word ou no Excel, salve como .docx ou .xlsx e envie de novo.',
      { fileName },
    );
  }
  if (declared === 'pdf' || declared === 'docx' || declared === 'xlsx') throw corrupt(fileName, declared);
  if (BINARY_MAGICS.some((magic) => bytes.subarray(0, magic.length).equals(magic)))
    throw unsupported(fileName);
  if (!looksLikeText(bytes)) throw unsupported(fileName);
  if (declared) return declared;
  return /^\s*(<!doctype html|<html)/i.test(
    bytes
      .subarray(0, 1024)
      .toString('utf8')
      .replace(/^\ufeff/, ''),
  )
    ? 'html'
    : 'text';
}

/** Text has no NUL bytes, except UTF-16, which announces itself with a byte order mark. */
function looksLikeText(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return !bytes.subarray(0, 8192).includes(0);
}

function corrupt(fileName: string, format: 'pdf' | 'docx' | 'xlsx'): KnowledgeFileError {
  const kind = { pdf: 'um PDF', docx: 'um documento do Word', xlsx: 'uma planilha do Excel' }[format];
  return new KnowledgeFileError(
    'corrupt',
    `O arquivo "${fileName}" não é ${kind} válido: parece estar corrompido ou incompleto. Gere o arquivo de novo e reenvie.`,
    { fileName },
  );
}

function unsupported(fileName: string): KnowledgeFileError {
  return new KnowledgeFileError(
    'unsupported',
    `Formato de arquivo não suportado. ${SUPPORTED_FORMATS_MESSAGE}`,
    {
      fileName,
    },
  );
}
