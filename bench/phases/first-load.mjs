// Phase "first load": the bytes of the home page's first load.
import { measureBytes } from '../lib/bytes.mjs';

/** index.html and every css/js/wasm it references, raw, gzip -9 and brotli 11 (no browser). */
export function measureFirstLoadFiles(site) {
  return measureBytes(site);
}
