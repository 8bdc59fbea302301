/** "Copy as curl" with the shell it quotes for beside it: one button, so the common case is one click. */
import { type CurlFlavour, type ExportFormat, SHELLS } from '../src/export';

const CURL_FORMAT: Readonly<Record<CurlFlavour, ExportFormat>> = { bash: 'curl', cmd: 'curl-cmd', powershell: 'curl-powershell' };

interface Props {
  flavour: CurlFlavour;
  onFlavour(v: CurlFlavour): void;
  onCopy(format: ExportFormat, what: string): void;
}

export function CurlMenu({ flavour, onFlavour, onCopy }: Props) {
  return (
    <span class="split">
      <button type="button" data-export="curl" onClick={() => onCopy(CURL_FORMAT[flavour], `curl for ${SHELLS[flavour].label}`)}>Copy as curl</button>
      {/* The options are SHELLS' own keys, so the value is always a flavour. */}
      <select aria-label="Shell for curl" value={flavour} onChange={(e) => onFlavour((e.target as HTMLSelectElement).value as CurlFlavour)}>
        {(Object.keys(SHELLS) as CurlFlavour[]).map((k) => (
          <option key={k} value={k}>{SHELLS[k].label}</option>
        ))}
      </select>
    </span>
  );
}
