/**
 * What the export bar's status line says after an action. Every message says whether the export was redacted
 * or why nothing was copied: a half-right copy pasted into a bug report is worse than none.
 */
export interface Status {
  readonly state: 'ok' | 'refused' | 'failed';
  readonly text: string;
}

export interface NumberedStatus extends Status {
  readonly seq: number;
}

/** Counts status changes, so a second identical message still reads as new (to screen readers and tests). */
let statusSeq = 0;

export function numbered(st: Status): NumberedStatus {
  return { ...st, seq: ++statusSeq };
}

export function refused(what: string, reason: string): Status {
  return { state: 'refused', text: `Not copied: ${what} ${reason}.` };
}

export function copied(what: string, redact: boolean, ok: boolean): Status {
  return ok ? { state: 'ok', text: `Copied ${what}${redact ? ' (secrets redacted)' : ' (not redacted)'}.` } : { state: 'failed', text: 'The clipboard refused the copy.' };
}

export function imageFailed(e: unknown): Status {
  return { state: 'failed', text: `The image could not be made: ${e instanceof Error ? e.message : String(e)}` };
}
