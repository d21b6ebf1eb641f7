/**
 * Table rows (spreadsheet, CSV, HTML or Markdown table) as one line per row, "Header: value; …", so a
 * price list or catalog can be found and quoted row by row. Rows above the header (a title such as
 * "Tabela de preços 2026") are kept as plain lines.
 */
export function rowsToRecords(rows: string[][]): string[] {
  const cleaned = rows
    .map((row) => row.map((cell) => cell.replace(/\s+/g, ' ').trim()))
    .filter((row) => row.some(Boolean));
  if (!cleaned.length) return [];
  const width = Math.max(...cleaned.map(countFilled));
  const headerIndex = cleaned.findIndex((row) => countFilled(row) >= Math.min(2, width));
  const preamble = cleaned.slice(0, headerIndex).map((row) => row.filter(Boolean).join(' '));
  const header = cleaned[headerIndex];
  const body = cleaned.slice(headerIndex + 1);
  if (!body.length) return [...preamble, header.filter(Boolean).join('; ')];

  const names = header.map((name, column) => name || `Coluna ${column + 1}`);
  const records = body.map((row) =>
    row
      .map((value, column) => (value ? `${names[column] ?? `Coluna ${column + 1}`}: ${value}` : ''))
      .filter(Boolean)
      .join('; '),
  );
  return [...preamble, ...records];
}

function countFilled(row: string[]): number {
  return row.filter(Boolean).length;
}
