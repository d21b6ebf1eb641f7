import type { KnowledgeDocument } from '@piloto/contracts';

type Tone = 'default' | 'success' | 'warning' | 'danger' | 'info';

export const documentStatusInfo: Record<KnowledgeDocument['status'], { label: string; tone: Tone }> = {
  queued: { label: 'Na fila', tone: 'default' },
  processing: { label: 'Processando', tone: 'info' },
  ready: { label: 'Pronto', tone: 'success' },
  failed: { label: 'Falhou', tone: 'danger' },
};

export const sourceLabels: Record<KnowledgeDocument['sourceType'], string> = {
  file: 'Arquivo',
  url: 'Página da web',
  text: 'Texto escrito aqui',
  learned: 'Resposta aprendida',
};

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** What the file picker offers; the API decides by the content and explains what it refuses. */
export const ACCEPT_ATTRIBUTE = '.pdf,.docx,.xlsx,.csv,.tsv,.txt,.md,.markdown,.html,.htm';
export const ACCEPTED_FORMATS_TEXT = 'PDF, DOCX, TXT, Markdown, CSV ou XLSX, até 25 MB';

/** Why this file will not be sent (checked before uploading 25 MB for nothing), or null. */
export function uploadProblem(file: File): string | null {
  if (file.size > MAX_UPLOAD_BYTES) return 'Arquivo grande demais (máx. 25 MB).';
  if (file.size === 0) return 'O arquivo está vazio.';
  return null;
}

const sizeFormat = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 });

/** 2048 → "2 KB", 3_500_000 → "3,3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

/** "PDF · 3 páginas · 120 KB": what the document is, in one line. */
export function documentSummary(doc: KnowledgeDocument): string {
  const parts: string[] = [];
  if (doc.sourceType === 'file') parts.push(doc.fileName ?? sourceLabels.file);
  else if (doc.sourceType === 'url') parts.push(doc.url ?? sourceLabels.url);
  else parts.push(sourceLabels[doc.sourceType]);
  if (doc.pages) parts.push(doc.pages === 1 ? '1 página' : `${doc.pages} páginas`);
  if (doc.sizeBytes) parts.push(formatBytes(doc.sizeBytes));
  return parts.join(' · ');
}
