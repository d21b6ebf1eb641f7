import { parse } from 'csv-parse/sync';
import { decodeText } from './decodeText.ts';
import type { ExtractedDocument } from './extractedDocument.ts';
import { KnowledgeFileError } from './knowledgeFileError.ts';
import { rowsToRecords } from './rowsToRecords.ts';

const DELIMITERS = [';', '\t', ',', '|'] as const; // ties go to the first: ";" is Excel's choice in pt-BR

/** A CSV as one record line per data row ("Produto: Plano Pro; Preço: R$ 199,00"). */
export function extractCsv(bytes: Buffer): ExtractedDocument {
  const text = decodeText(bytes);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new KnowledgeFileError(
      'corrupt',
      'Não foi possível ler o CSV: há aspas ou colunas malformadas. Abra no Excel ou Planilhas Google, salve como CSV de novo e reenvie.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  }
  const records = rowsToRecords(rows);
  return { format: 'csv', sections: records.length ? [{ heading: null, text: records.join('\n') }] : [] };
}

/** The candidate found on every sampled line with the steadiest count (quoted text ignored). */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .slice(0, 30)
    .map((line) => line.replace(/"[^"]*"/g, '""'));
  let best: { delimiter: string; spread: number; total: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    if (!counts.length || counts.some((count) => count === 0)) continue;
    const spread = Math.max(...counts) - Math.min(...counts);
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (!best || spread < best.spread || (spread === best.spread && total > best.total)) {
      best = { delimiter, spread, total };
    }
  }
  return best?.delimiter ?? ',';
}
