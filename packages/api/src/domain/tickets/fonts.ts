import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

// Resolved when the process runs, from this package: the apps' bundler must not try to.
const fromHere = createRequire(import.meta.url);

/**
 * The faces tickets print in, embedded: pdfkit's built-in fonts are Latin-1 only, so names
 * such as "Łukasz" or "李" came out garbled. DejaVu (Bitstream Vera licence) covers Latin,
 * Greek and Cyrillic; UnifontEX (OFL) has a glyph for every character of the Basic
 * Multilingual Plane and stands in for what DejaVu lacks, such as Chinese.
 */
const FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  code: 'dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf',
  fallback: '@fontsource/unifontex/files/unifontex-latin-400-normal.woff2',
} as const;

export type TicketFace = keyof typeof FILES;

interface LoadedFace {
  data: Buffer;
  font: Font;
}

function load(file: string): LoadedFace {
  const data = readFileSync(fromHere.resolve(/* turbopackIgnore: true */ file));
  const font = create(data);
  if ('fonts' in font) throw new Error(`${file} is a font collection, not one face`);
  return { data, font };
}

let loaded: Record<TicketFace, LoadedFace> | undefined;

/** The font files, read once per process. */
export function ticketFonts(): Record<TicketFace, LoadedFace> {
  loaded ??= {
    regular: load(FILES.regular),
    bold: load(FILES.bold),
    code: load(FILES.code),
    fallback: load(FILES.fallback),
  };
  return loaded;
}

/**
 * `text` cut into runs of one face each: `face` where it has the glyph, the fallback
 * elsewhere ("Zoë 李" is a DejaVu run and a UnifontEX run).
 */
export function faceRuns(text: string, face: TicketFace): { face: TicketFace; text: string }[] {
  const fonts = ticketFonts();
  const runs: { face: TicketFace; text: string }[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const chosen =
      fonts[face].font.hasGlyphForCodePoint(codePoint) || /\s/.test(char) ? face : 'fallback';
    const last = runs.at(-1);
    if (last?.face === chosen) last.text += char;
    else runs.push({ face: chosen, text: char });
  }
  return runs;
}
