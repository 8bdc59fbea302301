/**
 * The headers of every step of an exchange (each hop's preflight and request), request and response side by
 * side, the failing one open and marked. Each response can be edited for a what-if (use-what-if.ts): a text
 * box of `Name: value` lines replaces the table, and every keystroke re-runs the verdict. A request the browser
 * never sent can be given a response to try.
 */
import { useState } from 'preact/hooks';
import type { HeaderList } from '../src/cors';
import { responseUnrecorded } from '../src/explain';
import type { AnalysedExchange } from '../src/har';
import type { EditedStep } from '../src/har/what-if';
import { headerText, parseHeaderLines } from './header-lines';
import { displayValue, HeadersTable } from './headers-table';
import type { WhatIf } from './use-what-if';

interface Block {
  readonly title: string;
  readonly hop: number;
  readonly step: EditedStep;
  readonly req: HeaderList | null;
  readonly res: HeaderList | null;
  readonly failing: boolean;
  /** Failed with no response recorded, where the record does not show that it was never sent. */
  readonly unrecorded: boolean;
}

export function StepHeaders({ x, header, missing, whatIf }: { x: AnalysedExchange; header: string | null; missing: string | null; whatIf: WhatIf }) {
  const error = x.evaluation.verdict === 'blocked' ? x.evaluation.error : null;
  const fp = error?.failedParameter ?? '';
  const requestMark = error?.code === 'HeaderDisallowedByPreflightResponse' && fp ? [fp] : [];
  const responseMark = header ? [header] : [];
  const blocks: Block[] = [];
  x.record.hops.forEach((hop, i) => {
    const n = x.record.hops.length > 1 ? ` (hop ${i + 1})` : '';
    if (hop.preflight) {
      blocks.push({ title: `Preflight${n}: OPTIONS ${displayValue(hop.url)}`, hop: i, step: 'preflight', req: hop.preflight.requestHeaders, res: hop.preflight.response?.headers ?? null, failing: error?.stage === 'preflight' && error.hop === i, unrecorded: false });
    }
    blocks.push({ title: `${i < x.record.hops.length - 1 ? 'Redirect' : 'Request'}${n}: ${displayValue(hop.method)} ${displayValue(hop.url)}${hop.response ? ` → ${hop.response.status}` : ''}`, hop: i, step: 'response', req: hop.requestHeaders, res: hop.response?.headers ?? null, failing: error !== null && error.stage !== 'preflight' && error.hop === i, unrecorded: responseUnrecorded(x, i) });
  });
  return (
    <div class="step-headers">
      {blocks.map((b) => (
        <details key={`${b.hop}:${b.step}`} open={b.failing || blocks.length <= 2 || whatIf.editOf(b.hop, b.step) !== null} class={b.failing ? 'failing' : undefined} data-step={`${b.hop}:${b.step}`}>
          <summary>{b.title}</summary>
          <div class="header-pair">
            <HeadersTable title="Request headers" headers={b.req ?? []} mark={requestMark} />
            <ResponseSide block={b} whatIf={whatIf} mark={b.failing ? responseMark : []} missing={b.failing ? missing : null} />
          </div>
        </details>
      ))}
    </div>
  );
}

function ResponseSide({ block, whatIf, mark, missing }: { block: Block; whatIf: WhatIf; mark: readonly string[]; missing: string | null }) {
  const [editing, setEditing] = useState(false);
  const edited = whatIf.editOf(block.hop, block.step);
  if (editing) return <HeaderEditor initial={edited ?? block.res ?? []} onChange={(h) => whatIf.edit(block.hop, block.step, h)} onDone={() => setEditing(false)} />;
  if (block.res === null) {
    return (
      <div class="response-side">
        <p class="none">{block.unrecorded ? 'No response recorded: DevTools reported this request without it.' : 'No response: the request was not sent.'}</p>
        <button type="button" class="copy what-if-edit" onClick={() => setEditing(true)} title="Try an answer to this request: the verdict re-runs as you type">
          Add a response
        </button>
      </div>
    );
  }
  return (
    <div class={`response-side${edited ? ' edited' : ''}`}>
      <HeadersTable title={edited ? 'Response headers (edited)' : 'Response headers'} headers={block.res} mark={mark} missing={missing} />
      <button type="button" class="copy what-if-edit" onClick={() => setEditing(true)} title="Edit or add response headers: the verdict and explanation re-run as you type">
        {edited ? 'Edit again' : 'What if… (edit headers)'}
      </button>
    </div>
  );
}

function HeaderEditor({ initial, onChange, onDone }: { initial: HeaderList; onChange(h: HeaderList): void; onDone(): void }) {
  const [text, setText] = useState(() => headerText(initial));
  const { rejected } = parseHeaderLines(text);
  return (
    <div class="response-side header-editor">
      <label>
        Response headers, one <span class="mono">Name: value</span> per line
        <textarea
          class="mono"
          spellcheck={false}
          rows={Math.min(14, Math.max(4, text.split('\n').length + 1))}
          value={text}
          onKeyDown={(e) => {
            // Escape leaves the editor (the edits stay), rather than closing the whole detail.
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            onDone();
          }}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLTextAreaElement).value;
            setText(value);
            onChange(parseHeaderLines(value).headers);
          }}
        />
      </label>
      {rejected.length > 0 ? <p class="rejected">Left out line{rejected.length === 1 ? '' : 's'} {rejected.join(', ')}: not <span class="mono">Name: value</span>.</p> : null}
      <button type="button" class="copy" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
