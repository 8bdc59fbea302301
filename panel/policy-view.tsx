/**
 * The server policy view: per target origin, the least-privilege CORS configuration for everything the
 * captured pages asked of it, the proof ("12 of 12 requests pass with this policy"), the lines of each kind of
 * response, each stack's configuration with a copy button, and the requests no policy can make pass, each a
 * link to its exchange. The same data as `cors-lens policy` (src/policy). Captured values (origins, methods,
 * header names) are text nodes, shown through displayValue.
 */
import { useMemo, useState } from 'preact/hooks';
import { type Header, headerText } from '../src/cors';
import type { AnalysedExchange } from '../src/har';
import { type CannotPass, type Policy, type PolicyPart, policyReport, policySnippets, targetPass } from '../src/policy';
import { CopyButton } from './copy-button';
import { displayValue } from './headers-table';
import { StackTabs } from './stack-tabs';

interface Props {
  exchanges: readonly AnalysedExchange[];
  onOpen(id: number): void;
}

export function PolicyView({ exchanges, onOpen }: Props) {
  const report = useMemo(() => policyReport(exchanges), [exchanges]);
  const [chosen, setChosen] = useState<string | null>(null);
  // Until the user picks one: the server the page asked the most of, which is the one they are most likely fixing.
  const busiest = useMemo(() => [...report.policies].sort((a, b) => b.pass.total - a.pass.total)[0], [report]);
  const policy = report.policies.find((p) => p.target === chosen) ?? busiest;
  // The pass count and the requests that cannot pass come from one walk over the target's exchanges.
  const target = policy?.target ?? null;
  const proof = useMemo(() => (target === null ? null : targetPass(report, exchanges, target)), [report, exchanges, target]);
  if (!policy || !proof) {
    return (
      <section class="policy-view" aria-label="Server policy" data-targets="0">
        <p class="empty">No cross-origin CORS request {exchanges.length === 0 ? 'yet' : 'in this capture'}: there is no server policy to derive. Requests the page makes to other origins appear here as one configuration per server.</p>
      </section>
    );
  }
  return (
    <section class="policy-view" aria-label="Server policy" data-targets={report.policies.length} data-target={policy.target}>
      <header class="policy-head">
        {report.policies.length > 1 ? (
          <label>
            Server{' '}
            <select value={policy.target} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)} aria-label="Target origin">
              {report.policies.map((p) => (
                <option key={p.target} value={p.target}>{displayValue(p.target)}</option>
              ))}
            </select>
          </label>
        ) : (
          <span>
            Server <span class="mono">{displayValue(policy.target)}</span>
          </span>
        )}
        <PassCount pass={proof.pass} />
      </header>
      <TargetPolicy key={policy.target} policy={policy} cannotPass={proof.cannotPass} exchanges={exchanges} onOpen={onOpen} />
    </section>
  );
}

function PassCount({ pass }: { pass: { readonly passing: number; readonly total: number } }) {
  return (
    <span class={`pass-count${pass.passing === pass.total ? ' all' : ''}`} data-passing={pass.passing} data-total={pass.total}>
      {pass.total === 1 ? (
        <>With this policy, the one captured CORS request <strong>{pass.passing === 1 ? 'passes' : 'does not pass'}</strong></>
      ) : (
        <>With this policy: <strong>{pass.passing} of {pass.total}</strong> captured CORS requests pass</>
      )}
    </span>
  );
}

function TargetPolicy({ policy, cannotPass, exchanges, onOpen }: { policy: Policy; cannotPass: readonly CannotPass[]; exchanges: readonly AnalysedExchange[]; onOpen(id: number): void }) {
  const snippets = useMemo(() => policySnippets(policy), [policy]);
  return (
    <div class="policy-body">
      <p class="policy-intro">
        Least privilege for what this capture shows: exactly the origins, methods and request headers its pages used, credentials only where they were sent, and
        nothing else. Each captured request was replayed against these lines with the browser's own checks.
      </p>
      <div class="policy-columns">
        <div class="policy-what">
          {policy.parts.length > 0 ? (
            <>
              <p>This server's paths need different privileges, so the policy is split by path. Use the parts where your server can vary CORS by path:</p>
              {policy.parts.map((part) => (
                <PartView key={part.paths.join(' ')} part={part} title={`Paths under ${part.paths.join(', ')}`} />
              ))}
              <PartView part={policy} title="Or one configuration for every path (it allows everywhere what any path needed)" />
            </>
          ) : (
            <PartView part={policy} title={null} />
          )}
        </div>
        <div class="policy-how">
          <h3>Configuration</h3>
          <StackTabs
            name="Server stack"
            items={[...snippets.stacks.map((s) => ({ key: s.stack, label: s.label, code: s.code })), ...snippets.outside.map((s) => ({ key: s.place, label: s.label, code: s.code }))]}
          />
          <h3>Where the lines go</h3>
          <ul class="policy-notes">
            {policy.notes.map((n) => (
              <li key={n.key} data-note={n.key}>{n.text}</li>
            ))}
          </ul>
        </div>
      </div>
      {cannotPass.length > 0 ? <CannotPassList items={cannotPass} exchanges={exchanges} onOpen={onOpen} /> : null}
    </div>
  );
}

function PartView({ part, title }: { part: PolicyPart; title: string | null }) {
  return (
    <div class="policy-part" data-paths={part.paths.join(' ')}>
      {title ? <h3>{title}</h3> : null}
      <dl class="finding policy-lists">
        <dt>Origins</dt>
        <dd class="mono" data-field="origins">{part.origins.length > 0 ? part.origins.map(displayValue).join(', ') : 'none'}</dd>
        <dt>Methods</dt>
        <dd class="mono" data-field="methods">{part.methods.length > 0 ? part.methods.map(displayValue).join(', ') : <span class="none">none beyond GET, HEAD and POST</span>}</dd>
        <dt>Request headers</dt>
        <dd class="mono" data-field="headers">{part.requestHeaders.length > 0 ? part.requestHeaders.map(displayValue).join(', ') : <span class="none">none beyond the safelisted ones</span>}</dd>
        <dt>Credentials</dt>
        <dd data-field="credentials">{part.credentials ? 'yes: requests sent cookies or HTTP authentication' : 'no: no request sent cookies or HTTP authentication'}</dd>
        {part.maxAge !== null ? (
          <>
            <dt>Max-Age</dt>
            <dd>{part.maxAge} s ({part.maxAgeCaps.map((c) => `${c.browser} caps it at ${c.seconds} s`).join(', ')})</dd>
          </>
        ) : null}
        {part.exposeCandidates.length > 0 ? (
          <>
            <dt>Expose?</dt>
            <dd>
              <span class="mono">{part.exposeCandidates.map(displayValue).join(', ')}</span> <span class="none">(list only those the page reads: the capture cannot show which)</span>
            </dd>
          </>
        ) : null}
      </dl>
      {part.preflightStatus !== null ? <Lines title={`Preflight (OPTIONS): answer ${part.preflightStatus}, before any authentication or redirect`} lines={part.preflightResponse} kind="preflight" /> : null}
      <Lines title="Every other response, 2xx, 3xx, 4xx and 5xx alike" lines={part.actualResponse} kind="actual" />
    </div>
  );
}

function Lines({ title, lines, kind }: { title: string; lines: readonly Header[]; kind: string }) {
  const text = headerText(lines);
  return (
    <div class="policy-lines" data-lines={kind}>
      <h4>{title}</h4>
      <pre class="mono">{lines.map((h) => displayValue(`${h.name}: ${h.value}`)).join('\n')}</pre>
      <CopyButton text={text} label="Copy lines" />
    </div>
  );
}

function CannotPassList({ items, exchanges, onOpen }: { items: readonly CannotPass[]; exchanges: readonly AnalysedExchange[]; onOpen(id: number): void }) {
  // An exchange's id is its key, not its position: a live capture numbers exchanges by their first entry.
  const byId = useMemo(() => new Map(exchanges.map((x) => [x.id, x])), [exchanges]);
  return (
    <div class="cannot-pass" role="note">
      <h3>
        {items.length} request{items.length === 1 ? '' : 's'} no least-privilege policy can make pass
      </h3>
      <ul>
        {items.slice(0, 200).map((c) => {
          const x = byId.get(c.exchange);
          return (
            <li key={c.exchange} data-kind={c.kind}>
              <button type="button" class="link mono" onClick={() => onOpen(c.exchange)} title="Show this exchange">
                {x ? displayValue(`${x.method} ${x.url}`) : `exchange ${c.exchange}`}
              </button>
              <span class="reason">{c.reason}</span>
            </li>
          );
        })}
      </ul>
      {items.length > 200 ? <p class="none">and {items.length - 200} more</p> : null}
    </div>
  );
}
