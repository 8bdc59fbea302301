/** The card's last line: what made it, in which browser, and whether secrets were left in. */
import type { Environment } from './environment';

export function cardFooter(env: Environment, redact: boolean): string {
  return [env.tool, env.browser, redact ? 'secrets redacted' : 'not redacted'].filter(Boolean).join(' · ');
}
