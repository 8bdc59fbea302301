/**
 * Which browser and which CORS Lens made an export: a bug report is read by someone who will ask. The full
 * Chromium version comes from User-Agent Client Hints (the User-Agent string is reduced to the major version).
 */
import { VERSION } from '../src/version';

export interface Environment {
  readonly browser: string | null;
  readonly tool: string;
}

interface UaData {
  getHighEntropyValues(hints: string[]): Promise<{ fullVersionList?: { brand: string; version: string }[] }>;
}

export const TOOL = `CORS Lens ${VERSION}`;

let cached: Promise<Environment> | null = null;

export function environment(): Promise<Environment> {
  cached ??= (async () => {
    const fallback = /\b(Chrome|Chromium|HeadlessChrome|Edg)\/([\d.]+)/.exec(navigator.userAgent);
    let browser = fallback ? `${fallback[1] === 'Edg' ? 'Edge' : fallback[1]} ${fallback[2]}` : null;
    try {
      const data = (navigator as Navigator & { userAgentData?: UaData }).userAgentData;
      const list = (await data?.getHighEntropyValues(['fullVersionList']))?.fullVersionList ?? [];
      const main = list.find((b) => /Chrom|Edge|Opera|Brave/.test(b.brand) && !/Not/.test(b.brand));
      if (main) browser = `${main.brand} ${main.version}`;
    } catch {
      // Client hints unavailable: the User-Agent's major version stands.
    }
    return { browser, tool: TOOL };
  })();
  return cached;
}
