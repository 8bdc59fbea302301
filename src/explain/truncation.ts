/** What a file that ends early means for its analysis, in one line: said by the command line and the panel alike. */
import type { Truncation } from '../har';

/** Its whole entries were analysed, and the verdicts stand for those. */
export function truncationText(t: Truncation): string {
  if (t.entries === 0) return 'the file ends before its first entry: there is nothing to analyse';
  const n = `${t.entries} ${t.entries === 1 ? 'entry' : 'entries'}`;
  return t.inEntry ? `the file ends in the middle of entry ${t.entries}: analysed the ${n} before it` : `the file ends before the HAR does, after entry ${t.entries - 1}: analysed its ${n}`;
}
