/**
 * The PNG card: the diagnosis as a picture for a bug report or a chat. Rendered from `cardData` (redacted,
 * captured values already made printable), in the panel's theme, at a fixed width so every card has the same
 * shape; `card-image.ts` turns it into pixels.
 */
import type { CardData, CardHeader } from '../src/export';
import { VerdictBadge } from './verdict-badge';

export const CARD_WIDTH = 640;

function HeaderRows({ title, rows }: { title: string; rows: readonly CardHeader[] }) {
  if (rows.length === 0) return null;
  return (
    <>
      <tr>
        <th colSpan={2} class="card-group">{title}</th>
      </tr>
      {rows.map((h, i) => (
        <tr key={i} class={h.marked ? 'marked' : undefined}>
          <td class="mono name">{h.name}</td>
          <td class={h.value === null ? 'missing' : 'mono'}>{h.value === null ? 'missing' : h.value}{h.marked ? ' ⚠' : ''}</td>
        </tr>
      ))}
    </>
  );
}

export function Card({ data, footer }: { data: CardData; footer: string }) {
  return (
    <div class="card" data-verdict={data.verdict} style={{ width: `${CARD_WIDTH}px` }}>
      <div class="card-head">
        <VerdictBadge verdict={data.verdict} />
        <span class="mono method">{data.method}</span>
        <span class="mono url">{data.url}</span>
      </div>
      <p class="card-headline">{data.headline}</p>
      {data.code ? (
        <p class="card-code">
          Chrome: <span class="mono">{data.code}</span> · Firefox: <span class="mono">{data.firefox}</span>
        </p>
      ) : null}
      {data.header ? (
        <dl class="finding-box card-finding">
          {data.where ? (
            <>
              <dt>Response</dt>
              <dd>{data.where}</dd>
            </>
          ) : null}
          <dt>Header</dt>
          <dd class="mono">{data.header}</dd>
          <dt>Received</dt>
          <dd class={data.received === null ? 'missing' : 'mono'}>{data.received ?? 'missing'}</dd>
          {data.sendLine ? (
            <>
              <dt>Send instead</dt>
              <dd class="send">
                <code>{data.sendLine}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {data.requestHeaders.length + data.responseHeaders.length > 0 ? (
        <table class="card-headers">
          <caption>{data.stepTitle}</caption>
          <tbody>
            <HeaderRows title="Request" rows={data.requestHeaders} />
            <HeaderRows title="Response" rows={data.responseHeaders} />
          </tbody>
        </table>
      ) : null}
      {data.fix.length > 0 ? (
        <div class="card-fix">
          <strong>Fix: the response must carry</strong>
          <pre>{data.fix.join('\n')}</pre>
        </div>
      ) : null}
      <p class="card-foot">{footer}</p>
    </div>
  );
}
