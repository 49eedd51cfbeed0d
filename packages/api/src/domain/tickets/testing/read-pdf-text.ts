/** Tests only: the text a PDF shows, read by Mozilla's PDF.js as a viewer would. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Each page's text, one line per line of the page. Ticket text is in embedded (CID) fonts,
 * whose glyph ids only the font's ToUnicode map turns back into characters: PDF.js reads it.
 */
export async function readPdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join(''),
    );
  }
  await document.destroy();
  return pages.join('\n');
}
