/** Tests only: reads back the QR codes printed in a tickets PDF, as a scanner would see them. */
import jsQR from 'jsqr';
import { inflateSync } from 'node:zlib';

const IMAGE_STREAM = /<<([^]*?)>>\s*stream\r?\n/g;

const numberIn = (dictionary: string, key: string): number | undefined => {
  const match = new RegExp(`/${key} (\\d+)`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
};

/**
 * Every RGB image of the PDF (pdfkit stores a PNG as deflated RGB, its alpha in a separate
 * grey SMask), decoded as a QR code; one payload per image, in the order pdfkit wrote the
 * images, which is the order their encoding finished (asynchronous), not page order.
 */
export function readPdfQrCodes(pdf: Buffer): string[] {
  // latin1 maps bytes one to one, so string offsets are byte offsets.
  const text = pdf.toString('latin1');
  const payloads: string[] = [];
  for (const match of text.matchAll(IMAGE_STREAM)) {
    const dictionary = match[1] ?? '';
    if (!dictionary.includes('/Subtype /Image') || !dictionary.includes('/DeviceRGB')) continue;
    const width = numberIn(dictionary, 'Width');
    const height = numberIn(dictionary, 'Height');
    const length = numberIn(dictionary, 'Length');
    if (!width || !height || !length || !dictionary.includes('/FlateDecode'))
      throw new Error(`unexpected image in the PDF: ${dictionary}`);
    const start = (match.index ?? 0) + match[0].length;
    const rgb = inflateSync(pdf.subarray(start, start + length));
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let pixel = 0; pixel < width * height; pixel += 1) {
      rgba.set(rgb.subarray(pixel * 3, pixel * 3 + 3), pixel * 4);
      rgba[pixel * 4 + 3] = 255;
    }
    const code = jsQR(rgba, width, height);
    if (!code)
      throw new Error(`an image of ${width}x${height} in the PDF is not a readable QR code`);
    payloads.push(code.data);
  }
  return payloads;
}
