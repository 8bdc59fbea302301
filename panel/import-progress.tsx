/** A file being imported: its name, how much of it is read, and Cancel. */
import type { StoreState } from './store';

const PHASE_WORDS = { reading: 'Reading', rereading: 'Reading again', analysing: 'Analysing' } as const;

export function ImportProgress({ reading, onCancel }: { reading: NonNullable<StoreState['importing']>; onCancel(): void }) {
  const percent = reading.size > 0 ? Math.floor((reading.read / reading.size) * 100) : 100;
  return (
    <span class="import-progress" data-phase={reading.phase} data-percent={percent}>
      {/* Only the phase is announced: a percentage changing ten times a second would be read out without end. */}
      <span>
        <span role="status">
          {PHASE_WORDS[reading.phase]} <span class="mono">{reading.name}</span>
        </span>
        {reading.phase === 'analysing' ? '…' : ` ${percent}% of ${megabytes(reading.size)}`}
      </span>
      <progress max={reading.size} value={reading.read} aria-label={`${PHASE_WORDS[reading.phase]} ${reading.name}`} />
      <button type="button" onClick={onCancel}>Cancel</button>
    </span>
  );
}

function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
