/** The shell "Copy as curl" quotes for, remembered across sessions: most people only ever use one. */
import { useState } from 'preact/hooks';
import type { CurlFlavour } from '../src/export';

const FLAVOUR_KEY = 'cors-lens.curl-flavour';

/** A stored value back to a flavour; anything else (nothing stored, an old or edited value) is bash. */
export function flavourOf(stored: string | null): CurlFlavour {
  return stored === 'bash' || stored === 'cmd' || stored === 'powershell' ? stored : 'bash';
}

function savedFlavour(): CurlFlavour {
  try {
    return flavourOf(localStorage.getItem(FLAVOUR_KEY));
  } catch {
    // Storage unavailable: the default stands.
    return 'bash';
  }
}

export function useCurlFlavour(): readonly [CurlFlavour, (v: CurlFlavour) => void] {
  const [flavour, setFlavour] = useState<CurlFlavour>(savedFlavour);
  const choose = (v: CurlFlavour) => {
    setFlavour(v);
    try {
      localStorage.setItem(FLAVOUR_KEY, v);
    } catch {
      // Not remembered; still used now.
    }
  };
  return [flavour, choose];
}
