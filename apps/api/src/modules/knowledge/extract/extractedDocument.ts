export type DocumentFormat = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'text' | 'markdown' | 'html';

export type ExtractedSection = {
  heading: string | null;
  /** Heading level (1 = top) when the format has one, so chunking can build "Parent › Child" paths. */
  level?: number;
  text: string;
  /** 1-based page number, for PDFs. */
  page?: number;
};

export type ExtractedDocument = {
  format: DocumentFormat;
  title?: string;
  pages?: number;
  sections: ExtractedSection[];
};
