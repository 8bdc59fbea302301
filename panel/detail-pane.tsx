/** The open exchange beside the list, behind the splitter that sizes the two. */
import type { Ref } from 'preact';
import { Detail } from './detail';
import type { Row } from './rows';
import { Splitter } from './splitter';

interface Props {
  row: Row;
  split: number;
  onSplit(v: number): void;
  paneRef: Ref<HTMLDivElement>;
  onClose(): void;
}

export function DetailPane({ row, split, onSplit, paneRef, onClose }: Props) {
  return (
    <>
      <Splitter value={split} onChange={onSplit} />
      <div class="pane detail-pane" ref={paneRef}>
        {/* Keyed by exchange: each one opens fresh, redaction back on and no status left from the last. */}
        <Detail key={row.key} x={row.x} onClose={onClose} />
      </div>
    </>
  );
}
