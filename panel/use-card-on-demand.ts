/**
 * The PNG card's DOM, laid out only once a picture is asked for: most exchanges opened are never photographed,
 * and the card costs a full layout. Asking for it mounts it off-screen and resolves with its element.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { CardData, cardData } from '../src/export';
import type { Explanation } from '../src/explain';
import type { AnalysedExchange } from '../src/har';

export interface CardOnDemand {
  /** What the card shows; null until a picture has been asked for. */
  readonly data: CardData | null;
  /** Ref callback for the element that holds the card. */
  holder(el: HTMLDivElement | null): void;
  /** The card's element when it is laid out, else null. */
  current(): HTMLElement | null;
  /** Lays the card out; resolves with its element once it is in the DOM. */
  mount(): Promise<HTMLElement>;
}

export function useCardOnDemand(x: AnalysedExchange, ex: Explanation, redact: boolean): CardOnDemand {
  // The card's content builder comes with the exports, loaded when the first picture is asked for.
  const [build, setBuild] = useState<typeof cardData | null>(null);
  const card = useRef<HTMLElement | null>(null);
  const mounted = useRef<((el: HTMLElement) => void) | null>(null);
  const data = useMemo(() => (build ? build(x, ex, redact) : null), [build, x, ex, redact]);
  const holder = (el: HTMLDivElement | null) => {
    card.current = el?.firstElementChild instanceof HTMLElement ? el.firstElementChild : null;
    if (card.current && mounted.current) {
      mounted.current(card.current);
      mounted.current = null;
    }
  };
  const mount = () =>
    new Promise<HTMLElement>((resolve, reject) => {
      mounted.current = resolve;
      import('../src/export').then((m) => setBuild(() => m.cardData), reject);
    });
  return { data, holder, current: () => card.current, mount };
}
