/** "Copy as curl" with the shell it quotes for beside it: one button, so the common case is one click. */
import type { ExportFormat } from '../src/export';
import { type CurlFlavour, FLAVOUR_LABEL } from '../src/export/flavours';

const CURL_FORMAT: Readonly<Record<CurlFlavour, ExportFormat>> = { bash: 'curl', cmd: 'curl-cmd', powershell: 'curl-powershell' };

interface Props {
  flavour: CurlFlavour;
  onFlavour(v: CurlFlavour): void;
  onCopy(format: ExportFormat, what: string): void;
}

export function CurlMenu({ flavour, onFlavour, onCopy }: Props) {
  return (
    <span class="split">
      <button type="button" data-export="curl" onClick={() => onCopy(CURL_FORMAT[flavour], `curl for ${FLAVOUR_LABEL[flavour]}`)}>Copy as curl</button>
      {/* The options are the flavours' own keys, so the value is always a flavour. */}
      <select aria-label="Shell for curl" value={flavour} onChange={(e) => onFlavour((e.target as HTMLSelectElement).value as CurlFlavour)}>
        {(Object.keys(FLAVOUR_LABEL) as CurlFlavour[]).map((k) => (
          <option key={k} value={k}>{FLAVOUR_LABEL[k]}</option>
        ))}
      </select>
    </span>
  );
}
