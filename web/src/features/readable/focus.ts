// Where the keyboard goes after an action: onto its answer, read out once.

/**
 * Focus an answer: its heading when it has one (the sentence is then read out through the one
 * live region), else the sentence or the error itself, which a screen reader reads on focus,
 * so it is not announced a second time.
 */
export function focusAnswer(result: HTMLElement, announce: (message: string) => void): void {
  const heading = result.querySelector<HTMLElement>('h2, h3');
  const sentence = result.querySelector<HTMLElement>('.answer-sentence, .error-text');
  const target = heading ?? sentence ?? result;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: false });
  if (heading && sentence?.textContent) announce(sentence.textContent);
}

/** Focus the first match in `root` once the current event's other handlers have run (a tab opening, say). */
export function focusSoon(root: HTMLElement, selector: string): void {
  queueMicrotask(() => root.querySelector<HTMLElement>(selector)?.focus());
}
