/**
 * What neither Windows flavour can pass to curl.exe safely: text outside ASCII. A curl.exe that reads its
 * command line through the ANSI code page converts characters it cannot represent by "best fit", and some of
 * those become quoting characters: the fullwidth quotation mark U+FF02 becomes ", the yen sign becomes \ in
 * Japanese code pages ("WorstFit", 2025). A value holding one would close its quotes after cmd's and
 * PowerShell's quoting were applied and inject curl options. So non-ASCII values are refused for Windows shells
 * with a pointer to the bash version (WSL, Git Bash), which passes UTF-8 bytes unchanged.
 */
export function windowsUnquotable(arg: string): string | null {
  const bad = /[^\u0000-\u007f]/u.exec(arg);
  if (!bad) return null;
  const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `a value holds non-ASCII text (U+${code}), which curl.exe may receive converted to other characters, quotes included; use the bash version (WSL or Git Bash)`;
}
