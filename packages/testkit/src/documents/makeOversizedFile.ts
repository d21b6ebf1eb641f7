/** A file just over the knowledge base's 25 MB limit (or `bytes`), shaped like a PDF so size is what fails. */
export function makeOversizedFile(bytes = 25 * 1024 * 1024 + 1): Buffer {
  const file = Buffer.alloc(bytes, 0x20);
  file.write('%PDF-1.7\n', 0, 'latin1');
  return file;
}
