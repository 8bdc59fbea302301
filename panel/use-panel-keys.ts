/**
 * Keys the whole panel answers, wherever focus is inside it: Escape closes the detail, Ctrl/Cmd+F and `/` go
 * to the URL filter (the search field's ref lives here for that).
 */
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';

export type PanelKeyAction = 'close-detail' | 'find';

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

/** `inInput`: focus is in a field (the URL filter, the what-if editor), where `/` is a character to type, not a shortcut. */
export function panelKeyAction(e: KeyPress, inInput: boolean, detailOpen: boolean): PanelKeyAction | undefined {
  if (e.key === 'Escape' && detailOpen) return 'close-detail';
  if (e.key === 'f' && (e.ctrlKey || e.metaKey)) return 'find';
  if (e.key === '/' && !inInput) return 'find';
  return undefined;
}

export interface PanelKeys {
  readonly search: RefObject<HTMLInputElement | null>;
  onKeyDown(e: KeyboardEvent): void;
}

export function usePanelKeys(detailOpen: boolean, closeDetail: () => void): PanelKeys {
  const search = useRef<HTMLInputElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const t = e.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLElement && t.isContentEditable);
    const action = panelKeyAction(e, typing, detailOpen);
    if (!action) return;
    e.preventDefault();
    if (action === 'close-detail') closeDetail();
    else search.current?.focus();
  };
  return { search, onKeyDown };
}
