import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The QR decoder the scanner's ponyfill loads (camera-reader.tsx), served from this app
 * rather than a CDN. zxing-wasm is barcode-detector's dependency: pnpm installs it beside
 * barcode-detector's real folder. Read from disk at run time (the bundler would rewrite a
 * `require.resolve`); `next start` runs in this app's folder.
 */
async function wasmPath(): Promise<string> {
  const barcodeDetector = await realpath(join(process.cwd(), 'node_modules', 'barcode-detector'));
  return join(barcodeDetector, '..', 'zxing-wasm', 'dist', 'reader', 'zxing_reader.wasm');
}

export async function GET() {
  return new Response(await readFile(await wasmPath()), {
    headers: { 'content-type': 'application/wasm', 'cache-control': 'public, max-age=86400' },
  });
}
