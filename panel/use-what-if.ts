/**
 * The detail view's what-if state: the response headers the user edited, by step, and the exchange re-run
 * with them (src/har/what-if.ts). Keyed by exchange in the detail (a new exchange opens with none); Reset
 * empties it and the captured exchange shows again.
 */
import { useMemo, useState } from 'preact/hooks';
import type { HeaderList } from '../src/cors';
import type { AnalysedExchange } from '../src/har';
import { type EditedStep, editKey, type HeaderEdit, whatIf } from '../src/har/what-if';

export interface WhatIf {
  /** The exchange as shown: the captured one, or the one re-run with the edits. */
  readonly shown: AnalysedExchange;
  readonly edited: boolean;
  /** The step's headers as edited, or null when it was not. */
  editOf(hop: number, step: EditedStep): HeaderList | null;
  edit(hop: number, step: EditedStep, headers: HeaderList): void;
  reset(): void;
}

export function useWhatIf(x: AnalysedExchange): WhatIf {
  const [edits, setEdits] = useState<ReadonlyMap<string, HeaderEdit>>(new Map());
  const shown = useMemo(() => (edits.size === 0 ? x : whatIf(x, [...edits.values()])), [x, edits]);
  return {
    shown,
    edited: edits.size > 0,
    editOf: (hop, step) => edits.get(editKey(hop, step))?.headers ?? null,
    edit: (hop, step, headers) => setEdits((old) => new Map(old).set(editKey(hop, step), { hop, step, headers })),
    reset: () => setEdits(new Map()),
  };
}
