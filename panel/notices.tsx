/** The bars above the list: a notice to dismiss (a failed import, skipped entries), and dropped exchanges. */
interface Props {
  notice: string | null;
  onDismiss(): void;
  /** Exchanges dropped from the live capture to keep memory bounded; 0 shows nothing. */
  dropped: number;
}

export function Notices({ notice, onDismiss, dropped }: Props) {
  return (
    <>
      {notice ? (
        <div class="notice" role="alert">
          <span>{notice}</span>
          <button type="button" onClick={onDismiss} aria-label="Dismiss">✕</button>
        </div>
      ) : null}
      {dropped > 0 ? (
        <div class="notice info" role="status" data-dropped={dropped}>
          {dropped} older exchanges were dropped to keep memory bounded. Clear the log, or export a HAR from the Network panel to keep everything.
        </div>
      ) : null}
    </>
  );
}
