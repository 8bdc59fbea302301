/**
 * A header list as a table. The header the verdict is about is highlighted; when it was missing, a row says so
 * where it would have been, so the absence is as visible as a wrong value. Values are text nodes: whatever a
 * server sends (HTML, script, control characters) is shown, never interpreted.
 */
import type { HeaderList } from '../src/cors';
import { clean } from '../src/explain';

const MAX_SHOWN = 2000;

/** Control and bidi characters as escapes, and very long values cut with a note, so one value cannot wreck the layout. */
export function displayValue(v: string): string {
  return clean(v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}… (${v.length} characters)` : v);
}

interface Props {
  title: string;
  headers: HeaderList;
  /** Lowercase names to highlight. */
  mark?: readonly string[];
  /** A header that should have been there (shown as a missing row). */
  missing?: string | null;
}

export function HeadersTable({ title, headers, mark = [], missing = null }: Props) {
  const marked = new Set(mark.map((m) => m.toLowerCase()));
  return (
    <table class="headers">
      <caption>{title}</caption>
      <tbody>
        {headers.map((h, i) => (
          <tr key={i} class={marked.has(h.name.toLowerCase()) ? 'mark' : undefined} data-header={h.name.toLowerCase()}>
            <th scope="row">{displayValue(h.name)}</th>
            <td>{displayValue(h.value)}</td>
          </tr>
        ))}
        {missing ? (
          <tr class="mark missing" data-header={missing.toLowerCase()} data-missing="true">
            <th scope="row">{missing}</th>
            <td>missing</td>
          </tr>
        ) : null}
        {headers.length === 0 && !missing ? (
          <tr class="none">
            <td colSpan={2}>none recorded</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
