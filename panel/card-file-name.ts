/** The name a saved card gets: says which request it shows, and is safe on every file system. */
import type { AnalysedExchange } from '../src/har';

export function cardFileName(x: AnalysedExchange): string {
  let host = 'request';
  try {
    host = new URL(x.url).host;
  } catch {
    // Keep the generic name.
  }
  return `cors-lens-${x.method}-${host}-${x.id}.png`.replace(/[^A-Za-z0-9._-]+/g, '_');
}
