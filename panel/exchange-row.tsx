/** One exchange in the list. data-verdict, data-code, data-reason, data-method and data-url are read by tests and scripts. */
import { displayValue } from './headers-table';
import type { Row } from './rows';
import { ROW_HEIGHT } from './use-virtual-rows';
import { VerdictBadge } from './verdict-badge';

interface Props {
  row: Row;
  /** Position in the filtered list: where the row is drawn, and its ARIA row number. */
  index: number;
  selected: boolean;
  onSelect(key: number): void;
  onOpen(key: number): void;
}

export function ExchangeRow({ row: r, index, selected, onSelect, onOpen }: Props) {
  return (
    <div
      id={`row-${r.key}`}
      class={`row v-${r.verdict}${selected ? ' selected' : ''}${r.hasWarnings ? ' warn' : ''}`}
      style={{ top: `${index * ROW_HEIGHT}px` }}
      role="row"
      // The header is row 1.
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-verdict={r.verdict}
      data-code={r.code}
      data-reason={r.reason}
      data-differs={r.differs ? 'true' : undefined}
      data-method={r.method}
      data-url={r.url}
      onClick={() => onSelect(r.key)}
      onDblClick={() => onOpen(r.key)}
    >
      <span role="gridcell">
        <VerdictBadge verdict={r.verdict} warnings={r.hasWarnings} />
      </span>
      <span role="gridcell" class="mono">{displayValue(r.method)}</span>
      <span role="gridcell" class="mono ellipsis" title={r.url}>{displayValue(r.path)}</span>
      <span role="gridcell" class="ellipsis">{r.target}</span>
      <span role="gridcell" class="mono">{r.status}</span>
      <span role="gridcell" class="ellipsis problem" title={r.summary}>{r.summary}</span>
    </div>
  );
}
