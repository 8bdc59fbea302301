/**
 * What a key does in the exchange list, apart from the DOM so it can be tested: a move names the row index to
 * select (already clamped), `open` asks for the detail of the selected exchange.
 */
export type ListKeyAction = { readonly move: number } | 'open';

/**
 * `at` is the selected row's index (-1 when nothing shown is selected), `page` how many rows a page key skips.
 * Unknown keys give undefined, so the browser keeps its own handling of them.
 */
export function listKeyAction(key: string, at: number, count: number, page: number): ListKeyAction | undefined {
  const to = listKeyTarget(key, at, count, page);
  if (to === 'open' || to === undefined) return to;
  // Clamped to the first row even when the list is empty: the caller finds no row there and does nothing.
  return { move: Math.max(0, Math.min(count - 1, to)) };
}

function listKeyTarget(key: string, at: number, count: number, page: number): number | 'open' | undefined {
  switch (key) {
    case 'ArrowDown':
      return at + 1;
    case 'ArrowUp':
      // With nothing selected, Up starts at the top rather than doing nothing.
      return at < 0 ? 0 : at - 1;
    case 'PageDown':
      return at + page;
    case 'PageUp':
      return at - page;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'Enter':
      return 'open';
    default:
      return undefined;
  }
}
