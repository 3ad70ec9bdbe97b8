// A few lines instead of a UI framework: create elements with attributes and children.
// Text always goes in as text nodes, so data from the graph can never become markup.
import { isRounded, outline } from '../graph/shapes.ts';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: Element, children: Array<Child | Child[]>): void {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (c === null || c === undefined || c === false) continue;
    else el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el: Element, ...children: Array<Child | Child[]>): void {
  el.replaceChildren();
  append(el, children);
}

/** A small inline SVG of a label's node shape, for the legend and badges. */
export function shapeIcon(shape: string, color: string, border: string, size = 14): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '-10 -10 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('shape-icon');
  const o = outline(shape);
  const r = 8.5;
  let el: SVGElement;
  if (o.kind === 'ellipse') {
    el = document.createElementNS(ns, 'circle');
    el.setAttribute('r', String(r));
  } else if (o.kind === 'rect') {
    el = document.createElementNS(ns, 'rect');
    for (const [k, v] of [
      ['x', -r],
      ['y', -r * 0.8],
      ['width', 2 * r],
      ['height', 1.6 * r],
      ['rx', r * o.radius * 1.6],
    ] as const)
      el.setAttribute(k, String(v));
  } else {
    el = document.createElementNS(ns, 'polygon');
    el.setAttribute('points', o.points.map(([x, y]) => `${x * r},${y * r}`).join(' '));
  }
  el.setAttribute('fill', color);
  el.setAttribute('stroke', border);
  el.setAttribute('stroke-width', '1.5');
  el.setAttribute('stroke-linejoin', isRounded(shape) ? 'round' : 'miter');
  svg.append(el);
  return svg;
}

export function button(content: Child | Child[], onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...attrs, onclick: (() => onClick()) as EventListener }, content);
}
