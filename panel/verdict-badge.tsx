import type { VerdictKind } from '../src/cors';

const LABEL: Readonly<Record<VerdictKind, string>> = { blocked: 'Blocked', allowed: 'Allowed', 'not-cors': 'Not CORS', unknown: 'Unknown' };

export function VerdictBadge({ verdict, warnings = false }: { verdict: VerdictKind; warnings?: boolean }) {
  return (
    <span class={`badge badge-${verdict}${warnings && verdict !== 'blocked' ? ' badge-warn' : ''}`}>
      {LABEL[verdict]}
      {warnings && verdict !== 'blocked' ? ' ⚠' : ''}
    </span>
  );
}
