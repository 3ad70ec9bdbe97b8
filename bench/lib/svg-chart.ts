// A tiny SVG line chart for bench/README.md: a few series of points, linear or logarithmic axes,
// a legend. No browser, no dependency: the file is plain text GitHub shows as an image.

export interface Series {
  name: string;
  points: Array<[number, number]>;
  dashed?: boolean;
  /** Index into the palette; by default the series' own index. */
  colour?: number;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logX?: boolean;
  logY?: boolean;
  /** Labels for the x values (e.g. 10k, 100k); by default the values themselves. */
  xTickLabel?: (x: number) => string;
  /** Said under the chart when no series has a point. */
  empty?: string;
  width?: number;
  height?: number;
}

// Okabe–Ito: told apart with the common kinds of colour blindness.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (v: number) => (Math.abs(v) >= 1000 ? `${Math.round(v).toLocaleString('en')}` : `${Number(v.toPrecision(3))}`);

/** Round numbers spanning [lo, hi]: powers of ten on a log axis, 1-2-5 steps otherwise. */
export function ticks(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
      for (const m of [1, 2, 5]) {
        const v = m * 10 ** e;
        if (v >= lo / 1.0001 && v <= hi * 1.0001) out.push(v);
      }
    return out.length >= 2 ? out : [lo, hi];
  }
  const span = hi - lo || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

export function lineChart(spec: ChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 360;
  const pad = { left: 64, right: 16, top: 36, bottom: 48 };
  const legendH = 18 * Math.ceil(spec.series.length / 2);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom - legendH;
  const pts = spec.series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(spec.title)}</text>`,
  ];
  if (pts.length === 0) {
    out.push(
      `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="#555">${esc(spec.empty ?? 'No figures in this run.')}</text>`,
      '</svg>',
    );
    return out.join('\n') + '\n';
  }
  const xs = pts.map((p) => p[0]).filter((x) => !spec.logX || x > 0);
  const ys = pts.map((p) => p[1]).filter((y) => !spec.logY || y > 0);
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [spec.logY ? Math.min(...ys) : Math.min(0, ...ys), Math.max(...ys)];
  if (x0 === x1) [x0, x1] = spec.logX ? [x0 / 2, x1 * 2] : [x0 - 1, x1 + 1];
  if (y0 === y1) [y0, y1] = spec.logY ? [y0 / 2, y1 * 2] : [y0, y1 + 1];
  if (spec.logY) [y0, y1] = [10 ** Math.floor(Math.log10(y0)), 10 ** Math.ceil(Math.log10(y1))];
  else y1 = ticks(y0, y1 * 1.05, false).at(-1)! < y1 ? y1 * 1.1 : ticks(y0, y1 * 1.05, false).at(-1)!;
  const t = (v: number, a: number, b: number, log?: boolean) =>
    log ? (Math.log10(v) - Math.log10(a)) / (Math.log10(b) - Math.log10(a)) : (v - a) / (b - a);
  const X = (x: number) => pad.left + t(x, x0, x1, spec.logX) * plotW;
  const Y = (y: number) => pad.top + plotH - t(y, y0, y1, spec.logY) * plotH;
  // Axes, grid and ticks.
  const xTicks = spec.logX || xs.length <= 8 ? [...new Set(xs)].sort((a, b) => a - b) : ticks(x0, x1, false);
  for (const v of ticks(y0, y1, Boolean(spec.logY))) {
    out.push(`<line x1="${pad.left}" x2="${pad.left + plotW}" y1="${Y(v).toFixed(1)}" y2="${Y(v).toFixed(1)}" stroke="#e3e3e3"/>`);
    out.push(`<text x="${pad.left - 6}" y="${(Y(v) + 4).toFixed(1)}" text-anchor="end" fill="#333">${fmt(v)}</text>`);
  }
  for (const v of xTicks) {
    out.push(`<line x1="${X(v).toFixed(1)}" x2="${X(v).toFixed(1)}" y1="${pad.top + plotH}" y2="${pad.top + plotH + 4}" stroke="#333"/>`);
    out.push(
      `<text x="${X(v).toFixed(1)}" y="${pad.top + plotH + 17}" text-anchor="middle" fill="#333">${esc(spec.xTickLabel?.(v) ?? fmt(v))}</text>`,
    );
  }
  out.push(`<path d="M${pad.left},${pad.top}V${pad.top + plotH}H${pad.left + plotW}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${pad.left + plotW / 2}" y="${pad.top + plotH + 36}" text-anchor="middle">${esc(spec.xLabel)}</text>`);
  out.push(
    `<text transform="translate(14 ${pad.top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(spec.yLabel)}${spec.logY ? ' (log scale)' : ''}</text>`,
  );
  // Series and legend.
  spec.series.forEach((s, i) => {
    const colour = COLOURS[(s.colour ?? i) % COLOURS.length]!;
    const ok = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!spec.logX || x > 0) && (!spec.logY || y > 0));
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    if (ok.length > 1)
      out.push(
        `<path d="${ok.map(([x, y], k) => `${k ? 'L' : 'M'}${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join('')}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`,
      );
    for (const [x, y] of ok)
      out.push(
        `<circle cx="${X(x).toFixed(1)}" cy="${Y(y).toFixed(1)}" r="3" fill="${colour}"><title>${esc(`${s.name}: ${fmt(y)}`)}</title></circle>`,
      );
    const lx = pad.left + (i % 2) * (plotW / 2);
    const ly = height - legendH + 4 + Math.floor(i / 2) * 18;
    out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${lx + 28}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
