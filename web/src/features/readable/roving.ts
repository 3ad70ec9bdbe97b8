// One Tab stop for a group of controls, arrow keys inside (the WAI-ARIA toolbar pattern with
// a roving tabindex): Tab enters at the control used last, ←/→ (and ↑/↓) move, Home and End
// jump to the ends. Controls inside an open menu of the toolbar keep their own Tab order.

/** The controls that take part: enabled, shown, and not inside a menu's body. */
function items(root: HTMLElement, skip: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, summary, [role="button"], input, select, a[href]')].filter(
    (el) =>
      !(el as HTMLButtonElement).disabled &&
      !el.closest(skip) &&
      !el.closest('[hidden]') &&
      // Not yet on the page, nothing is laid out: every control counts until it is.
      (!root.isConnected || el.getClientRects().length > 0),
  );
}

export interface RovingOptions {
  /** Controls inside elements matching this are not toolbar stops (an open menu's items). */
  skip?: string;
  orientation?: 'horizontal' | 'vertical' | 'both';
}

/**
 * Make `root` a toolbar with one Tab stop. Call the returned function after the controls
 * change (added, removed, disabled) to hand the stop on when the current one went away.
 */
export function rovingToolbar(root: HTMLElement, label: string, options: RovingOptions = {}): () => void {
  const skip = options.skip ?? '.menu-body';
  const orientation = options.orientation ?? 'both';
  root.setAttribute('role', 'toolbar');
  root.setAttribute('aria-label', label);
  if (orientation !== 'both') root.setAttribute('aria-orientation', orientation);
  let current: HTMLElement | null = null;

  const refresh = () => {
    const all = items(root, skip);
    if (!current || !all.includes(current)) current = all[0] ?? null;
    for (const el of root.querySelectorAll<HTMLElement>('button, summary, [role="button"], input, select, a[href]')) {
      if (el.closest(skip)) continue;
      el.tabIndex = el === current ? 0 : -1;
    }
  };

  root.addEventListener('focusin', (ev) => {
    const target = ev.target as HTMLElement;
    if (target.closest(skip) || !items(root, skip).includes(target)) return;
    current = target;
    refresh();
  });

  root.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement;
    if (target.closest(skip)) return;
    // Typing and choosing inside a field stay the field's own.
    if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)) return;
    if (target instanceof HTMLSelectElement) return;
    const all = items(root, skip);
    const i = all.indexOf(target);
    if (i < 0) return;
    const back = ['ArrowLeft', ...(orientation === 'horizontal' ? [] : ['ArrowUp'])];
    const forth = ['ArrowRight', ...(orientation === 'horizontal' ? [] : ['ArrowDown'])];
    let next: HTMLElement | undefined;
    if (forth.includes(ev.key)) next = all[(i + 1) % all.length];
    else if (back.includes(ev.key)) next = all[(i - 1 + all.length) % all.length];
    else if (ev.key === 'Home') next = all[0];
    else if (ev.key === 'End') next = all.at(-1);
    if (!next) return;
    ev.preventDefault();
    current = next;
    refresh();
    next.focus();
  });

  refresh();
  return refresh;
}
