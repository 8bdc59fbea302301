/**
 * The list's rows, derived from the exchanges and the filter and never stored: each is recomputed only when
 * what it depends on changes, so typing in the filter does not rebuild the rows or their counts.
 */
import { useMemo } from 'preact/hooks';
import type { AnalysedExchange } from '../src/har';
import { applyFilter, countRows, type Counts, type Filter, type Row, rowOf } from './rows';

export interface ListRows {
  /** Every exchange of the source, filtered or not: the selection is looked up here. */
  readonly all: readonly Row[];
  readonly counts: Counts;
  /** What the filter lets through, in order. */
  readonly shown: readonly Row[];
}

export function useListRows(exchanges: readonly AnalysedExchange[], filter: Filter): ListRows {
  const all = useMemo(() => exchanges.map(rowOf), [exchanges]);
  const counts = useMemo(() => countRows(all), [all]);
  const shown = useMemo(() => applyFilter(all, filter), [all, filter]);
  return { all, counts, shown };
}
