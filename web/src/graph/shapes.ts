// Node shapes as outlines in a unit box (-1…1 on both axes), so the legend's icons and the
// SVG export draw the same figures Cytoscape draws on the canvas.

export type Outline =
  { kind: 'ellipse' } | { kind: 'rect'; radius: number } | { kind: 'polygon'; points: ReadonlyArray<readonly [number, number]> };

function regular(sides: number, rotation = -Math.PI / 2): Array<[number, number]> {
  return Array.from({ length: sides }, (_, i) => {
    const a = rotation + (2 * Math.PI * i) / sides;
    return [round(Math.cos(a)), round(Math.sin(a))] as [number, number];
  });
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

const STAR: Array<[number, number]> = Array.from({ length: 10 }, (_, i) => {
  const a = -Math.PI / 2 + (Math.PI * i) / 5;
  const r = i % 2 === 0 ? 1 : 0.42;
  return [round(r * Math.cos(a)), round(r * Math.sin(a))] as [number, number];
});

/** The outline for a Cytoscape shape name; unknown shapes fall back to an ellipse. */
export function outline(shape: string): Outline {
  switch (shape) {
    case 'ellipse':
      return { kind: 'ellipse' };
    case 'rectangle':
      return { kind: 'rect', radius: 0 };
    case 'round-rectangle':
    case 'roundrectangle':
      return { kind: 'rect', radius: 0.25 };
    case 'barrel':
      return { kind: 'rect', radius: 0.45 };
    case 'diamond':
    case 'round-diamond':
      return {
        kind: 'polygon',
        points: [
          [0, -1],
          [1, 0],
          [0, 1],
          [-1, 0],
        ],
      };
    case 'hexagon':
    case 'round-hexagon':
      return { kind: 'polygon', points: regular(6, 0) };
    case 'heptagon':
    case 'round-heptagon':
      return { kind: 'polygon', points: regular(7) };
    case 'octagon':
    case 'round-octagon':
      return { kind: 'polygon', points: regular(8, Math.PI / 8) };
    case 'pentagon':
    case 'round-pentagon':
      return { kind: 'polygon', points: regular(5) };
    case 'triangle':
    case 'round-triangle':
      return { kind: 'polygon', points: regular(3) };
    case 'tag':
    case 'round-tag':
      return {
        kind: 'polygon',
        points: [
          [-1, -1],
          [0.5, -1],
          [1, 0],
          [0.5, 1],
          [-1, 1],
        ],
      };
    case 'star':
      return { kind: 'polygon', points: STAR };
    default:
      return { kind: 'ellipse' };
  }
}

/** Whether Cytoscape rounds this shape's corners (the SVG uses round joins for it). */
export function isRounded(shape: string): boolean {
  return shape.startsWith('round') || shape === 'barrel';
}
