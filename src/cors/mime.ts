import { TCHAR } from '../http';

/** type/subtype, each a token (the essence is lower-cased before the test). */
const MIME_TYPE = new RegExp(`^${TCHAR}+/${TCHAR}+$`);

/**
 * Just enough MIME parsing for the Content-Type safelist. Chromium takes the media type before the first ";",
 * trims it and lower-cases it (net::ExtractMimeTypeFromMediaType); parameters are not validated, which is why
 * `text/plain; anything` stays simple while a `"` anywhere in the value does not (it is a CORS-unsafe byte).
 */
export function mimeEssence(value: string): string | null {
  const semicolon = value.indexOf(';');
  const essence = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  if (!MIME_TYPE.test(essence)) return null;
  return essence;
}

/** The three content types a page may send cross-origin without a preflight (Fetch, "CORS-safelisted request-header"). */
export const SAFELISTED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
