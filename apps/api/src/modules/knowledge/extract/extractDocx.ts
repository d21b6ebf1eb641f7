import mammoth from 'mammoth';
import type { ExtractedDocument } from './extractedDocument.ts';
import { extractHtml } from './extractHtml.ts';
import { KnowledgeFileError } from './knowledgeFileError.ts';

/** Word's Heading 1–3 styles become sections; mammoth maps them to h1–h3 and we read the HTML. */
export async function extractDocx(bytes: Buffer): Promise<ExtractedDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      // Images carry no text for us; skipping them avoids base64-encoding every picture.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw new KnowledgeFileError(
      'corrupt',
      'Não foi possível ler o documento do Word: o arquivo parece estar corrompido ou incompleto. Abra no Word, salve como .docx de novo e reenvie.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  }
  return { format: 'docx', ...extractHtml(html) };
}
