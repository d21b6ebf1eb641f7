export * from './makeDocx.ts';
export * from './makeEncryptedPdf.ts';
export * from './makeOversizedFile.ts';
export * from './makePdf.ts';
export * from './makeXlsx.ts';
