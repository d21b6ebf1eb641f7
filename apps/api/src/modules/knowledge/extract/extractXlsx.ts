import ExcelJS from 'exceljs';
import type { ExtractedDocument, ExtractedSection } from './extractedDocument.ts';
import { KnowledgeFileError } from './knowledgeFileError.ts';
import { rowsToRecords } from './rowsToRecords.ts';

/** Each worksheet becomes a section (heading = sheet name) of one record line per data row. */
export async function extractXlsx(bytes: Buffer): Promise<ExtractedDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types expect the old global Buffer shape; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new KnowledgeFileError(
      'corrupt',
      'Não foi possível ler a planilha: o arquivo parece estar corrompido ou incompleto. Abra no Excel, salve como .xlsx de novo e reenvie.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  }
  const sections: ExtractedSection[] = [];
  for (const worksheet of workbook.worksheets) {
    const rows: string[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell);
      });
      rows.push(Array.from(cells, (cell) => cell ?? ''));
    });
    const records = rowsToRecords(rows);
    if (records.length) sections.push({ heading: worksheet.name, level: 1, text: records.join('\n') });
  }
  return { format: 'xlsx', title: workbook.title || undefined, sections };
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) {
    // A title merged across columns is said once; a category merged down applies to every row it spans.
    return cell.master.row === cell.row ? '' : cellText(cell.master);
  }
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: ExcelJS.CellValue | undefined, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'Sim' : 'Não';
  if (value instanceof Date) return formatDate(value);
  if ('richText' in value)
    return value.richText
      .map((run) => run.text)
      .join('')
      .trim();
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    return typeof text === 'string' ? text.trim() : valueText(text as ExcelJS.CellValue, numFmt);
  }
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    return valueText(value.result as ExcelJS.CellValue | undefined, numFmt);
  }
  return ''; // error values such as #N/A say nothing to a customer
}

function formatNumber(value: number, numFmt: string | undefined): string {
  const format = numFmt ?? '';
  if (/R\$/.test(format)) {
    return new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' })
      .format(value)
      .replace(/\u00a0/g, ' ');
  }
  const decimals = /\.(0+)/.exec(format)?.[1].length;
  if (format.includes('%')) {
    return `${new Intl.NumberFormat('pt-BR', { maximumFractionDigits: decimals ?? 2 }).format(value * 100)}%`;
  }
  return new Intl.NumberFormat('pt-BR', {
    useGrouping: format.includes(','),
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 10,
  }).format(value);
}

function formatDate(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  // Excel keeps a time of day alone ("08:30") as a time on its day zero, 1899-12-30.
  if (date.getUTCFullYear() < 1901) return time;
  const text = `${day}/${month}/${date.getUTCFullYear()}`;
  return time === '00:00' ? text : `${text} ${time}`;
}
