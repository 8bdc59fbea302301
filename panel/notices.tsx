/**
 * The bars above the list: a notice to dismiss (a failed import, skipped entries), what an imported file can and
 * cannot show (who wrote it, a sanitized export), and dropped exchanges.
 */
import { captureNotes } from '../src/explain';
import type { CaptureFacts } from '../src/har';

interface Props {
  notice: string | null;
  onDismiss(): void;
  /** Exchanges dropped from the live capture to keep memory bounded; 0 shows nothing. */
  dropped: number;
  /** The imported file's capture facts; null for the live capture. */
  capture: CaptureFacts | null;
}

export function Notices({ notice, onDismiss, dropped, capture }: Props) {
  return (
    <>
      {notice ? (
        <div class="notice" role="alert">
          <span>{notice}</span>
          <button type="button" onClick={onDismiss} aria-label="Dismiss">✕</button>
        </div>
      ) : null}
      {capture ? <CaptureNotice capture={capture} /> : null}
      {dropped > 0 ? (
        <div class="notice info" role="status" data-dropped={dropped}>
          {dropped} older exchanges were dropped to keep memory bounded. Clear the log, or export a HAR from the Network panel to keep everything.
        </div>
      ) : null}
    </>
  );
}

/** Said once per imported file: who wrote it, and what that means for every verdict below. */
function CaptureNotice({ capture }: { capture: CaptureFacts }) {
  const { producer } = capture;
  return (
    <div class="notice info capture" role="status" data-producer={producer.id} data-sanitized={capture.sanitized}>
      <span>
        Written by {producer.facts.label}
        {producer.creator ? <> (<span class="mono">{producer.creator}</span>)</> : null}.
      </span>
      {captureNotes(capture).map((n) => (
        <span key={n}> {n}</span>
      ))}
    </div>
  );
}
