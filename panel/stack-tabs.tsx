/**
 * Configuration for several server stacks, one tab each, with a copy button for the shown one: the fix of one
 * exchange (detail) and the server policy of a target (policy view) both use it. Code is a text node.
 */
import { useState } from 'preact/hooks';
import { CopyButton } from './copy-button';

export interface StackCode {
  readonly key: string;
  readonly label: string;
  readonly code: string;
}

export function StackTabs({ items, name }: { items: readonly StackCode[]; name: string }) {
  const [tab, setTab] = useState(0);
  const item = items[tab] ?? items[0];
  if (!item) return null;
  return (
    <div class="snippets">
      <div role="tablist" aria-label={name}>
        {items.map((s, i) => (
          <button key={s.key} type="button" role="tab" aria-selected={s === item} class={s === item ? 'tab active' : 'tab'} data-stack={s.key} onClick={() => setTab(i)}>
            {s.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" data-stack={item.key}>
        <pre class="mono snippet">{item.code}</pre>
        <CopyButton text={item.code} label={`Copy ${item.label}`} />
      </div>
    </div>
  );
}
