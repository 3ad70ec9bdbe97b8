// Keys: "/" to search, Delete to remove the selection, Ctrl/Cmd-Z to undo (Shift or Y to
// redo), Escape to close a menu or clear the selection. Typing in a field is left alone.

export interface KeyHandlers {
  focusSearch: () => void;
  removeSelection: () => void;
  undo: () => void;
  redo: () => void;
  escape: () => void;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

export function bindKeys(handlers: KeyHandlers): void {
  document.addEventListener('keydown', (ev) => {
    const mod = ev.ctrlKey || ev.metaKey;
    if (ev.key === 'Escape') {
      handlers.escape();
      return;
    }
    if (typing(ev.target)) return;
    if (ev.key === '/' && !mod) {
      ev.preventDefault();
      handlers.focusSearch();
    } else if ((ev.key === 'Delete' || ev.key === 'Backspace') && !mod) {
      ev.preventDefault();
      handlers.removeSelection();
    } else if (mod && (ev.key === 'z' || ev.key === 'Z')) {
      ev.preventDefault();
      if (ev.shiftKey) handlers.redo();
      else handlers.undo();
    } else if (mod && (ev.key === 'y' || ev.key === 'Y')) {
      ev.preventDefault();
      handlers.redo();
    }
  });
}

/** A touch screen without a fine pointer: help speaks of taps, not double-clicks and keys. */
export function isTouch(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches && !matchMedia('(pointer: fine)').matches;
}
