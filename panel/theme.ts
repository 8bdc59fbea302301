/**
 * Follow DevTools' theme. `devtools.panels.themeName` is "dark" or "default"; outside DevTools (the panel page
 * opened on its own) the system preference decides.
 */
export type Theme = 'light' | 'dark';

export function devtoolsTheme(): Theme {
  const name = typeof chrome !== 'undefined' ? chrome.devtools?.panels?.themeName : undefined;
  if (name === 'dark') return 'dark';
  if (name !== undefined) return 'light';
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

/** Firefox announces a theme switch with an event instead of Chrome's handler (its light theme is named "light"). */
interface FirefoxPanels {
  onThemeChanged?: { addListener(fn: (name: string) => void): void };
}

/**
 * Re-applies the theme when the user switches it in DevTools' settings: Chrome 99+ calls the handler given to
 * setThemeChangeHandler, Firefox fires devtools.panels.onThemeChanged.
 */
export function followThemeChanges(): void {
  const panels = typeof chrome !== 'undefined' ? chrome.devtools?.panels : undefined;
  const follow = (name: string) => applyTheme(name === 'dark' ? 'dark' : 'light');
  if (panels?.setThemeChangeHandler) panels.setThemeChangeHandler(follow);
  else (panels as FirefoxPanels | undefined)?.onThemeChanged?.addListener(follow);
}
