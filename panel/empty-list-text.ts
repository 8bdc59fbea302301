/** What the list says when it has no row to show: why, and what to do about it. */
export interface ListSource {
  /** An imported HAR is shown rather than the live capture. */
  readonly imported: boolean;
  /** Exchanges in the source, before the filter. */
  readonly total: number;
  /** Running inside DevTools, so there is a live capture at all. */
  readonly live: boolean;
}

export function emptyListText({ imported, total, live }: ListSource): string {
  if (imported) return 'No exchange matches in this file.';
  if (total > 0) return 'No exchange matches the filter.';
  return live
    ? 'Waiting for cross-origin requests. Reload the page to capture it from the start, or import a HAR file.'
    : 'Not running inside DevTools: import a HAR file (or drop one here) to analyse it.';
}
