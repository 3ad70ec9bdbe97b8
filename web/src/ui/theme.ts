// Light and dark: the system's choice until the person picks one, then theirs.
import type { Theme } from '../graph/view.ts';

const KEY = 'mandate-explorer-theme';

export function initialTheme(): Theme {
  const saved = safeStorage()?.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme, remember: boolean): void {
  document.documentElement.dataset.theme = theme;
  if (remember) safeStorage()?.setItem(KEY, theme);
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be off (private modes, strict policies): the theme just is not remembered.
    return null;
  }
}
