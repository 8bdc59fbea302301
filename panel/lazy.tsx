/**
 * A component whose code is loaded apart from the panel's first script. The panel opens with the list only:
 * the detail (the explanation and its texts, the fix for seven stacks, what-if) and the server policy view
 * (the policy layer and its renderers) wait, and `preload` fetches them once the list is up, so a row opened
 * a moment later renders at once (and takes focus). The chunks are files of the extension package: loading one
 * reads a local file, never the network.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type Lazy<P> = ComponentType<P> & { preload(): Promise<unknown> };

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>, what: string): Lazy<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () =>
    (pending ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (Component) return;
      let live = true;
      start()
        .then((c) => live && setComponent(() => c))
        .catch((e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)));
      return () => {
        live = false;
      };
    }, [Component]);
    if (failed) return <p class="empty">The {what} could not be loaded: {failed}</p>;
    return Component ? <Component {...props} /> : <p class="empty" aria-busy="true">Loading the {what}…</p>;
  }
  return Object.assign(Lazy, { preload: start });
}
