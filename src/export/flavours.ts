/**
 * The shells a curl command can be written for, and their names in the menu. Kept apart from the quoting code
 * so the panel can show the menu without loading the exports, which it loads only when one is asked for.
 */
export type CurlFlavour = 'bash' | 'cmd' | 'powershell';

export const FLAVOUR_LABEL: Readonly<Record<CurlFlavour, string>> = {
  bash: 'bash / zsh',
  cmd: 'Windows cmd',
  powershell: 'PowerShell',
};
