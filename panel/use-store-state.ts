/** The capture store's latest snapshot, re-rendering the caller on every batch the store publishes. */
import { useEffect, useState } from 'preact/hooks';
import type { CaptureStore, StoreState } from './store';

export function useStoreState(store: CaptureStore): StoreState {
  const [state, setState] = useState<StoreState>(store.current);
  useEffect(() => store.subscribe(setState), [store]);
  return state;
}
