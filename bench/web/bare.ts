// The baseline page of the web benchmark: the same elements the app would show, fetched the
// way the app fetches them (POST /api/export, format cytoscape), drawn by Cytoscape.js with
// the same layout (fCoSE) and nothing else: no app state, no panels, no styling logic.
// It reports its timings on window.bareBench for the benchmark to read.
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { forceLayout } from '../../web/src/graph/layouts.ts';

cytoscape.use(fcose);

interface BareCase {
  api: string;
  ids: string[];
  webgl: boolean;
}

interface BareBench {
  done: boolean;
  error: string | null;
  elements: number;
  fetchedMs: number;
  layoutMs: number;
  paintedMs: number;
}

const report: BareBench = { done: false, error: null, elements: 0, fetchedMs: 0, layoutMs: 0, paintedMs: 0 };
(window as unknown as { bareBench: BareBench }).bareBench = report;

async function main(): Promise<void> {
  const c = (await (await fetch(`./case.json${location.search}`)).json()) as BareCase;
  const res = await fetch(`${c.api}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ format: 'cytoscape', ids: c.ids }),
  });
  const body = (await res.json()) as { elements: { nodes: ElementDefinition[]; edges: ElementDefinition[] } };
  const elements = [...body.elements.nodes, ...body.elements.edges];
  report.fetchedMs = performance.now();
  report.elements = elements.length;
  const nodeCount = body.elements.nodes.length;
  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements,
    style: [
      { selector: 'node', style: { label: 'data(name)', width: 18, height: 18, 'font-size': 9, 'text-valign': 'bottom' } },
      { selector: 'edge', style: { width: 1, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
    ],
    // Not in the public types: the renderer's WebGL switch (Cytoscape ≥ 3.31).
    ...({ webgl: c.webgl } as object),
  });
  const t = performance.now();
  // The app's own force layout options (the same function), on the main thread and without animation.
  const layout = cy.layout({ ...forceLayout({ nodeCount }), animate: false } as cytoscape.LayoutOptions);
  const stopped = new Promise<void>((r) => layout.one('layoutstop', () => r()));
  layout.run();
  await stopped;
  report.layoutMs = performance.now() - t;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  report.paintedMs = performance.now();
  (window as unknown as { cy: cytoscape.Core }).cy = cy;
  report.done = true;
}

main().catch((err: Error) => {
  report.error = err.message;
  report.done = true;
});
