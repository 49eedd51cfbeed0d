/** Tests only: the text a tickets PDF shows, one line per text block, in drawing order. */
import { inflateSync } from 'node:zlib';

const STREAM = /<<([^]*?)>>\s*stream\r?\n/g;

/**
 * pdfkit writes each piece of text as `[<hex> kerning <hex> ...] TJ` in WinAnsi (latin1
 * for the characters tickets use) inside deflated page content streams.
 */
export function readPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(STREAM)) {
    const dictionary = match[1] ?? '';
    if (dictionary.includes('/Subtype /Image') || !dictionary.includes('/FlateDecode')) continue;
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
    const start = (match.index ?? 0) + match[0].length;
    const content = inflateSync(pdf.subarray(start, start + length)).toString('latin1');
    for (const block of content.matchAll(/BT([^]*?)ET/g)) {
      const pieces = [...(block[1] ?? '').matchAll(/<([0-9a-f]*)>/g)];
      lines.push(
        pieces.map((piece) => Buffer.from(piece[1] ?? '', 'hex').toString('latin1')).join(''),
      );
    }
  }
  return lines.join('\n');
}
