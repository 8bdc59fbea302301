/**
 * The longest DevTools log the panel reads again to complete Chrome's early reports: about 65 MB of copy at
 * 6.6 KB an entry (measured in Chromium 156), a third of the panel's 200 MiB budget. Past it, early reports stay
 * as reported; the explanation of such a report names the limit, so it lives here, beside the engine.
 */
export const MAX_LOG_READ = 10_000;
