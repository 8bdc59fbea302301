/**
 * What a user must know about the file before reading any verdict in it, said once: who wrote it, what it
 * cannot show, and how to get a better one. The CLI prints these above its summary and the panel shows them
 * when a file is imported.
 */
import type { CaptureFacts } from '../har/analyze';

export const SANITIZED_NOTE =
  "This file was exported sanitized: Chrome's Network panel removed the Cookie, Authorization and Set-Cookie headers. " +
  'Whether a request carried credentials cannot be told from it, so checks that depend on credentials (Access-Control-Allow-Credentials, * with credentials) are uncertain. ' +
  'To export everything: in DevTools Settings > Preferences > Network, tick "Allow to generate HAR with sensitive data", then use Export HAR (with sensitive data).';

export function captureNotes(capture: CaptureFacts): string[] {
  if (capture.source === 'live') return [];
  const facts = capture.producer.facts;
  const out: string[] = [];
  if (capture.sanitized === 'yes') out.push(SANITIZED_NOTE);
  if (!capture.errorsRecorded) {
    out.push(
      `Written by ${facts.label}, which does not record the browser's own decisions: a request is called blocked only when a CORS check fails on the headers the file shows, for a request it shows was made in CORS mode, and that verdict is marked inferred.`,
    );
  }
  if (facts.seesNonBrowserClients) out.push('The file may hold requests from clients that are not browsers (curl, apps, API tools): only browsers enforce CORS, so those are not judged.');
  return out;
}
