import { decodeText } from './decodeText.ts';
import { detectFormat } from './detectFormat.ts';
import { extractCsv } from './extractCsv.ts';
import { extractDocx } from './extractDocx.ts';
import type { DocumentFormat, ExtractedDocument } from './extractedDocument.ts';
import { extractHtml } from './extractHtml.ts';
import { extractMarkdown } from './extractMarkdown.ts';
import { extractPdf } from './extractPdf.ts';
import { extractPlainText } from './extractPlainText.ts';
import { extractXlsx } from './extractXlsx.ts';
import { KnowledgeFileError } from './knowledgeFileError.ts';

export type { DocumentFormat, ExtractedDocument, ExtractedSection } from './extractedDocument.ts';

export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * The text of an uploaded file, in sections that keep its headings (and pages, for PDFs). Throws
 * KnowledgeFileError with a pt-BR message for files too big, unsupported, corrupt, encrypted or textless.
 */
export async function extractDocument(input: {
  bytes: Buffer;
  fileName: string;
  mimeType?: string;
  maxBytes?: number;
}): Promise<ExtractedDocument> {
  const { bytes, fileName } = input;
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > maxBytes) {
    throw new KnowledgeFileError(
      'too_big',
      `O arquivo tem ${formatSize(bytes.length, Math.ceil)} e o limite é ${formatSize(maxBytes, Math.floor)}. Divida o documento em partes menores e envie de novo.`,
      { fileName },
    );
  }
  if (!bytes.length) throw new KnowledgeFileError('empty', 'O arquivo está vazio.', { fileName });

  const format = detectFormat(bytes, fileName, input.mimeType);
  const document = await extractByFormat(format, bytes);
  if (!document.sections.some((section) => section.text.trim())) {
    throw new KnowledgeFileError('empty', emptyMessage(format), { fileName });
  }
  return document;
}

async function extractByFormat(format: DocumentFormat, bytes: Buffer): Promise<ExtractedDocument> {
  switch (format) {
    case 'pdf':
      return extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes);
    case 'xlsx':
      return extractXlsx(bytes);
    case 'csv':
      return extractCsv(bytes);
    case 'markdown':
      return { format, ...extractMarkdown(decodeText(bytes)) };
    case 'html':
      return { format, ...extractHtml(decodeText(bytes)) };
    case 'text':
      return { format, ...extractPlainText(decodeText(bytes)) };
  }
}

function emptyMessage(format: DocumentFormat): string {
  if (format === 'pdf') {
    return 'O PDF não tem texto selecionável: parece ser um documento digitalizado (imagem). Envie a versão original com texto (por exemplo, exportada do Word) ou passe o arquivo por um OCR antes de enviar.';
  }
  if (format === 'xlsx' || format === 'csv') {
    return 'A planilha está vazia: não encontramos nenhuma linha preenchida.';
  }
  return 'Não encontramos texto neste arquivo. Confira se é o arquivo certo e envie de novo.';
}

/** "25,1 MB" or "300 KB"; the file's size rounds up and the limit down, so one never reads "25 MB > 25 MB". */
function formatSize(bytes: number, round: (value: number) => number): string {
  const [unit, size] = bytes < 1024 * 1024 ? ['KB', bytes / 1024] : ['MB', bytes / (1024 * 1024)];
  return `${new Intl.NumberFormat('pt-BR').format(round(size * 10) / 10)} ${unit}`;
}
