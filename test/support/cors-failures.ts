/**
 * The helper the README's Playwright example defines, word for word from its imports on
 * (test/e2e/playwright-har.test.ts checks that the README still holds this text). It imports 'cors-lens' as a
 * user does: through package.json "exports", so the test runs the built library, not src/.
 */
import { readFileSync } from 'node:fs';
import { analyseHarText, explain } from 'cors-lens';

/** The requests in a HAR that the browser failed and CORS is not ruled out for, as "METHOD URL: why". */
export function corsFailures(harPath: string): string[] {
  const { exchanges } = analyseHarText(readFileSync(harPath, 'utf8'));
  return exchanges
    // Playwright's HAR keeps no response for a request the browser failed, so a blocked request often reads
    // as "unknown": failed, and the file cannot show which check. Network errors (refused, reset) are left out.
    .filter((x) => x.evaluation.verdict === 'blocked' || (x.evaluation.verdict === 'unknown' && x.evaluation.networkError === null))
    .map((x) => `${x.method} ${x.url}: ${explain(x).headline}`);
}
