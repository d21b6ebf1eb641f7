import ExcelJS from 'exceljs';

/** A cell as a spreadsheet holds it: a plain value, or a number with its display format (e.g. BRL). */
export type XlsxCellInput = string | number | boolean | Date | null | { value: number; numFmt: string };
export type XlsxSheetInput = { name: string; rows: XlsxCellInput[][] };

/** The number format Excel in pt-BR applies to money typed as "R$ 199,00". */
export const BRL_NUMBER_FORMAT = '"R$" #,##0.00';

/** A real .xlsx workbook, one worksheet per entry; the first row is usually the header. */
export async function makeXlsx(sheets: XlsxSheetInput[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'testkit';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, rowIndex) => {
      row.forEach((input, columnIndex) => {
        if (input === null) return;
        const cell = worksheet.getCell(rowIndex + 1, columnIndex + 1);
        if (typeof input === 'object' && !(input instanceof Date)) {
          cell.value = input.value;
          cell.numFmt = input.numFmt;
        } else {
          cell.value = input;
        }
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
