import { normalizeText } from './decodeText.ts';
import type { ExtractedDocument } from './extractedDocument.ts';

/** Plain text has no structure to keep beyond its paragraphs: one untitled section. */
export function extractPlainText(text: string): Pick<ExtractedDocument, 'sections'> {
  const body = normalizeText(text);
  return { sections: body ? [{ heading: null, text: body }] : [] };
}
