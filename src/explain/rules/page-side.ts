/** Failures no server header can fix: the page's request mode, the URL's scheme, a broken service worker. */
import type { CorsErrorCode } from '../../cors';
import type { Rule } from '../context';

const PAGE_SIDE: Partial<Readonly<Record<CorsErrorCode, string>>> = {
  DisallowedByMode:
    "The page asked for mode: 'same-origin', which refuses every cross-origin request. Use the default mode 'cors' (and a server that answers with CORS headers), or call a same-origin URL.",
  CorsDisabledScheme: 'Cross-origin requests to file:, ftp: or custom schemes are refused before any request is made. Serve the resource over http or https.',
  InvalidResponse: 'The response had status 0, which Chrome treats as invalid; this usually means a service worker answered with a broken response.',
};

export const pageSide: Rule = (c) => PAGE_SIDE[c.code] ?? null;
