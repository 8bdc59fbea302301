/**
 * The export bar's actions (copy an export, copy or save the card) and the status line they leave behind.
 * Anything refused (a header that cannot be sent as recorded, a command too long for cmd) is said there,
 * never copied half-right.
 */
import { useState } from 'preact/hooks';
import type { ExportFormat } from '../src/export';
import type { AnalysedExchange } from '../src/har';
import { cardFileName } from './card-file-name';
import { cardPng } from './card-image';
import { copyText } from './copy';
import { downloadBlob } from './download';
import type { Environment } from './environment';
import { copied, imageFailed, type NumberedStatus, numbered, refused, type Status } from './export-status';
import type { CardOnDemand } from './use-card-on-demand';

interface Options {
  x: AnalysedExchange;
  redact: boolean;
  env: Environment;
  card: Pick<CardOnDemand, 'current' | 'mount'>;
}

export interface ExportActions {
  /** The last action's outcome; null before the first. */
  readonly status: NumberedStatus | null;
  /** `what` names the export in the status line ("fetch()", "the Markdown report"). */
  copyExport(format: ExportFormat, what: string): Promise<void>;
  copyImage(): Promise<void>;
  saveImage(): Promise<void>;
}

export function useExportActions({ x, redact, env, card }: Options): ExportActions {
  const [status, setStatusNow] = useState<NumberedStatus | null>(null);
  const setStatus = (st: Status) => setStatusNow(numbered(st));

  const copyExport = async (format: ExportFormat, what: string) => {
    // The exports load on first use: most sessions never export, and they are a third of the panel's code.
    const { exportExchange } = await import('../src/export');
    const out = exportExchange(x, format, { redact, context: env });
    if (!out.ok) {
      setStatus(refused(what, out.reason));
      return;
    }
    setStatus(copied(what, redact, await copyText(out.value)));
  };

  const image = async (): Promise<Blob | null> => {
    const node = card.current() ?? (await card.mount());
    try {
      return await cardPng(node);
    } catch (e) {
      setStatus(imageFailed(e));
      return null;
    }
  };

  const copyImage = async () => {
    const blob = await image();
    if (!blob) return;
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
      setStatus({ state: 'ok', text: 'Copied the image.' });
    } catch {
      setStatus({ state: 'failed', text: 'DevTools did not let the panel put an image on the clipboard: use Save image.' });
    }
  };

  const saveImage = async () => {
    const blob = await image();
    if (!blob) return;
    const name = cardFileName(x);
    downloadBlob(blob, name);
    setStatus({ state: 'ok', text: `Saved ${name}.` });
  };

  return { status, copyExport, copyImage, saveImage };
}
