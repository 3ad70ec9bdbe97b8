// The canvas: owns the Cytoscape instance, keeps its elements in step with the view state,
// runs layouts and draws exports. It never decides anything: it reports gestures on the bus
// and renders what the controller hands it.
import cytoscape, {
  type Core,
  type ElementDefinition,
  type EventObject,
  type LayoutOptions,
  type NodeSingular,
  type StylesheetJson,
} from 'cytoscape';
import type { EdgeData } from '../api/types.ts';
import type { EventBus } from '../events.ts';
import type { LayoutName, Position, ViewState } from '../state/view-state.ts';
import { applyClasses, classesFor, classInputs, elementInfo, infoOf, type Highlight, type ManagedClass } from './apply.ts';
import { arrivalOrder, withEnds } from './arrival.ts';
import { skipTinyArrows } from './far-arrows.ts';
import { installFastBounds } from './fast-bounds.ts';
import { sortForFrame, spaceFrames } from './frames.ts';
import type { ForceJob } from './force-job.ts';
import { boxCentre, scaledAbout } from './scale.ts';
import type { ElementCache } from './cache.ts';
import { edgeElement, nodeElement } from './elements.ts';
import {
  concentricLayout,
  depthsFrom,
  forceLayout,
  LARGE_VIEW,
  layeredPositions,
  loadLayout,
  orientByType,
  placeNewNodes,
  quickPlacement,
  type LayerEdge,
} from './layouts.ts';
import {
  keepLabels,
  namedNeighbours,
  neighbourSets,
  rankNodes,
  seededRandom,
  seedOf,
  spreadApart,
  withRandom,
  type RankedBox,
} from './labels.ts';
import { sizeNames } from './legible.ts';
import { inSlices, yieldToPage } from './slices.ts';
import { buildStyle, THEMES } from './style.ts';
import { FONT_FAMILY, roughMeasure, svgModelFromCy, type Measure, type SvgModel } from './svg-export.ts';

export type { ElementCache } from './cache.ts';

/** Someone who asked for less motion gets the new picture at once, not animated (fades included). */
function motion(ms: number): number {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}

/** Fitting never zooms in further than this. */
const MAX_FIT_ZOOM = 1.35;

export type Theme = keyof typeof THEMES;

/** One worker for the page's life: loading and parsing its bundle again for every layout costs time. */
let layoutWorker: Worker | null = null;
let nextJob = 0;
const waiting = new Map<number, { resolve: (p: Record<string, Position>) => void; reject: (e: Error) => void }>();

function layoutInWorker(job: ForceJob): Promise<Record<string, Position>> {
  if (typeof Worker === 'undefined') return Promise.reject(new Error('this browser has no web workers'));
  if (!layoutWorker) {
    const worker = new Worker(new URL('./force-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<{ id: number; positions?: Record<string, Position>; error?: string }>) => {
      const w = waiting.get(ev.data.id);
      waiting.delete(ev.data.id);
      if (ev.data.positions) w?.resolve(ev.data.positions);
      else w?.reject(new Error(ev.data.error ?? 'no positions'));
    };
    worker.onerror = (ev) => {
      // A broken worker fails what it holds and is replaced on the next layout.
      for (const w of waiting.values()) w.reject(new Error(ev.message));
      waiting.clear();
      worker.terminate();
      layoutWorker = null;
    };
    layoutWorker = worker;
  }
  const id = nextJob++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    layoutWorker!.postMessage({ id, job });
  });
}

/**
 * Above this many elements, panning and zooming move a snapshot instead of redrawing, and only
 * landmarks are named from afar.
 */
const LARGE_VIEW_ELEMENTS = 2500;

/** No name is drawn under this size on screen (CSS px): it could not be read, only seen. */
const MIN_DRAWN_PX = 6;

/** Above this many nodes, names follow Cytoscape's zoom thresholds only (the `lod` class). */
const LABEL_LOD_MAX_NODES = 800;

type BoundingBoxOptions = Parameters<cytoscape.Collection['boundingBox']>[0];
const LABEL_ONLY = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as BoundingBoxOptions;
const NODE_AND_LABEL = { includeNodes: true, includeEdges: false, includeLabels: true, includeOverlays: false } as BoundingBoxOptions;

/** A parsed style value; `pstyle` is Cytoscape's, missing from its types. */
function pstyle(e: cytoscape.SingularElementArgument, name: string): { strValue?: string; pfValue: number } {
  return (e as unknown as { pstyle(n: string): { strValue?: string; pfValue: number } }).pstyle(name);
}

const byId = (a: cytoscape.SingularElementArgument, b: cytoscape.SingularElementArgument) =>
  a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0;

/**
 * Above this many new elements, a render adds them in slices (see `render`). The seed graph's
 * largest view (all of it, 470 elements) stays under it and renders in one step as before; a
 * 1,000-element view added in one step spent about half a second in one task adding, styling
 * and measuring.
 */
export const SLICED_ADD = 600;
/** Elements per slice of an arrival, and how many more elements a view over SLICED_ADD takes in one step. */
const SLICE = 200;
/**
 * An arrival's slices: the first takes FIRST_SLICE elements, each next one as many as take
 * about SLICE_MS (the first slices cost several times the later ones), at most MAX_SLICE.
 */
const FIRST_SLICE = 50;
const MAX_SLICE = 400;
const SLICE_MS = 20;
/** Nodes and their ties per slice when a layout's positions are placed. */
const PLACED_SLICE = 400;

export interface RenderOptions {
  animate: boolean;
  /** A big arrival's progress: elements on the canvas so far, of how many. */
  onProgress?: (done: number, total: number) => void;
}

export interface RenderResult {
  /** Nodes the state has no position for (new to the canvas, or after the canvas was replaced). */
  unplaced: string[];
}

export class GraphView {
  cy: Core;
  private theme: Theme;
  private suppressSelect = false;
  private selectTimer: ReturnType<typeof setTimeout> | null = null;
  private state: ViewState | null = null;
  /** The node last expanded or centred on: its best-connected neighbours keep their names. */
  private anchor: string | null = null;
  private labelTimer: ReturnType<typeof setTimeout> | null = null;
  /** Nodes whose names are drawn larger in the model to stay legible (graph/legible.ts). */
  private readonly sizedNames = new Set<string>();
  /** True while runLayout works: its fits' moves come back with its positions. */
  private layingOut = false;
  /** Bumped by every render: a big arrival still in slices stops when a newer one starts. */
  private renderToken = 0;
  /** While a big view arrives, names are chosen once at the end, not after every slice. */
  private arriving = false;
  /** Bumped whenever an element is added or removed: the classes applied depend on which are there. */
  private elementsVersion = 0;
  /**
   * What the classes last applied to a big view were decided from. A render that changes none
   * of it (a layout's positions landing) does not decide them again over every element: 80 ms
   * of a 10k view's render after its layout.
   */
  private applied: { cy: Core; key: string; highlight: Highlight | null; elements: number } | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly bus: EventBus,
    readonly cache: ElementCache,
    options: { theme: Theme; webgl: boolean },
  ) {
    this.theme = options.theme;
    // An empty canvas has nothing to style: the app's style is parsed in a task of its own, or
    // by the first render if that comes first. Made and styled in one task, the canvas took up
    // to 0.17 s at the page's first load (quiet), half of it parsing the style.
    this.cy = this.create(options.webgl, [], false);
    this.unstyled = true;
    setTimeout(() => this.ensureStyled(), 0);
    // The canvas follows its box (panels opening, a narrow window), not only window resizes.
    new ResizeObserver(() => this.cy.resize()).observe(container);
  }

  /** True until the app's style is on the canvas (see the constructor). */
  private unstyled = false;

  private ensureStyled(): void {
    if (!this.unstyled) return;
    this.unstyled = false;
    this.cy.style(this.style());
  }

  private style(): StylesheetJson {
    return buildStyle(THEMES[this.theme], { transitions: motion(1) > 0 });
  }

  private create(webgl: boolean, elements: ElementDefinition[], styled = true): Core {
    const cy = cytoscape({
      container: this.container,
      elements,
      style: styled ? this.style() : undefined,
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: true,
      // A click selects one element; shift/ctrl/cmd-click and shift-drag add to the selection.
      selectionType: 'single',
      // Switched on for large views only (see `tuneForSize`): small ones stay crisp while moving.
      hideEdgesOnViewport: false,
      textureOnViewport: false,
      webgl,
    });
    installFastBounds(cy);
    skipTinyArrows(cy);
    this.bind(cy);
    return cy;
  }

  private bind(cy: Core): void {
    // Names are chosen again once the picture stops moving (zoom, pan, a layout, a drag).
    cy.on('viewport position add remove', () => this.scheduleLabels());
    cy.on('add remove', () => this.elementsVersion++);
    cy.on('tap', (ev: EventObject) => {
      if (ev.target === cy) this.bus.emit('view:act', { type: 'clearSelection' });
    });
    cy.on('select unselect', () => {
      if (!this.suppressSelect) this.reportSelection();
    });
    cy.on('dbltap', 'node', (ev: EventObject) => this.bus.emit('node:expand', { id: (ev.target as NodeSingular).id() }));
    cy.on('dragfree', 'node', (ev: EventObject) => {
      const n = ev.target as NodeSingular;
      // Dragging a selected node drags the whole selection with it.
      const group = n.selected() ? cy.nodes(':selected') : n;
      const moved: Record<string, Position> = {};
      group.forEach((m) => {
        moved[m.id()] = roundPos(m.position());
      });
      this.bus.emit('view:act', { type: 'movePositions', positions: moved });
    });
    cy.on('mouseover', 'node', (ev: EventObject) => {
      const n = ev.target as NodeSingular;
      n.addClass('hover');
      n.connectedEdges().addClass('hover');
      this.container.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', (ev: EventObject) => {
      const n = ev.target as NodeSingular;
      n.removeClass('hover');
      n.connectedEdges().removeClass('hover');
      this.container.style.cursor = '';
    });
    cy.on('mouseover', 'edge', (ev: EventObject) => {
      ev.target.addClass('hover');
      this.container.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'edge', (ev: EventObject) => {
      ev.target.removeClass('hover');
      this.container.style.cursor = '';
    });
  }

  private reportSelection(): void {
    // Box selection fires one event per element: report once they settle.
    if (this.selectTimer) clearTimeout(this.selectTimer);
    this.selectTimer = setTimeout(() => {
      this.selectTimer = null;
      const ids = this.cy.elements(':selected').map((e) => e.id());
      const current = this.state?.selected ?? [];
      if (ids.length === current.length && ids.every((id) => current.includes(id))) return;
      this.bus.emit('view:act', { type: 'select', ids });
    }, 0);
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.unstyled = false;
    this.cy.style(this.style());
  }

  get webgl(): boolean {
    // The renderer is not in Cytoscape's public types; its `webgl` flag is set at creation.
    return Boolean((this.cy as unknown as { renderer(): { webgl?: boolean } | null }).renderer()?.webgl);
  }

  /** Cytoscape picks its renderer at creation: rebuild with the same elements and viewport. */
  setRenderer(webgl: boolean): void {
    if (this.webgl === webgl) return;
    const elements = this.cy.elements().jsons() as unknown as ElementDefinition[];
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    this.cy.destroy();
    this.unstyled = false;
    this.cy = this.create(webgl, elements);
    this.cy.viewport({ zoom, pan });
  }

  /**
   * Make the canvas show `state`: add and remove elements, move nodes, set classes and selection.
   * A big arrival (over SLICED_ADD new elements) is added in slices, the page getting turns
   * between them, its classes decided before the elements exist (one style pass each), and its
   * nodes without a place put on a quick placement, so the first picture comes before the layout.
   */
  async render(state: ViewState, highlight: Highlight | null, options: RenderOptions): Promise<RenderResult> {
    this.ensureStyled();
    const cy = this.cy;
    const token = ++this.renderToken;
    this.state = state;
    const ids = new Set(state.nodes.filter((id) => this.cache.nodes.has(id)));
    const edges = this.cache.edgesAmong(ids);
    const edgeIds = new Set(edges.map((e) => e.id));
    const unplaced: string[] = [];
    // One notion of a large view for everything that changes with it (see tuneForSize).
    const large = ids.size + edges.length > LARGE_VIEW_ELEMENTS;
    const newNodes: string[] = [];
    for (const id of ids) {
      // A node the state gives no place (new, or the canvas was replaced) waits for a layout.
      if (!state.positions[id]) unplaced.push(id);
      if (cy.getElementById(id).empty()) newNodes.push(id);
    }
    const newEdges = edges.filter((e) => cy.getElementById(e.id).empty());
    const nodeDef = (id: string): ElementDefinition => {
      const def = nodeElement(this.cache.nodes.get(id)!);
      const p = state.positions[id];
      if (p) def.position = { ...p };
      if (large) def.classes = 'lod';
      return def;
    };
    const edgeDef = (e: EdgeData): ElementDefinition => {
      const def = edgeElement(e, this.cache.lookup);
      if (large) def.classes = 'lod';
      return def;
    };
    const removeGone = () =>
      cy.elements().forEach((ele) => {
        const id = ele.id();
        if (ele.group() === 'nodes' ? !ids.has(id) : !edgeIds.has(id)) ele.remove();
      });
    // In a view of over SLICED_ADD elements, any addition of more than a slice comes in slices:
    // a newer render that took over an arrival still early on added the rest in one batch,
    // unstyled, and the layout's `:visible` then styled them all in one task (9.5 s at 5k, load 40).
    let known: Map<string, ManagedClass[]> | null = null;
    const sliced = newNodes.length + newEdges.length > (ids.size + edges.length > SLICED_ADD ? SLICE : SLICED_ADD);
    if (sliced) {
      cy.batch(removeGone);
      this.tuneForSize(large);
      known = await this.addInSlices(token, state, highlight, newNodes, newEdges, nodeDef, edgeDef, options.onProgress);
      if (!known) return { unplaced };
    }
    const moves: Array<[NodeSingular, Position]> = [];
    cy.batch(() => {
      removeGone();
      const adds: ElementDefinition[] = [];
      for (const id of ids) if (cy.getElementById(id).empty()) adds.push(nodeDef(id));
      for (const e of edges) if (cy.getElementById(e.id).empty()) adds.push(edgeDef(e));
      if (adds.length) cy.add(adds);
      // Large views show fewer names at a distance and draw ties straight (the `lod` class, see
      // style.ts). New elements get it in their definition, which measured faster than adding it
      // after (longest task at 10,000 elements 2.1 s against 2.4–2.7 s); others get it here.
      // A filter, not `.not('.lod')`, which builds and searches a second collection (46 ms at 10k).
      if (large)
        cy.elements()
          .filter((e) => !e.hasClass('lod'))
          .addClass('lod');
      else cy.elements('.lod').removeClass('lod');
      // Existing nodes follow the state (undo of a drag or a layout moves them back).
      for (const id of ids) {
        const p = state.positions[id];
        const n = cy.getElementById(id) as NodeSingular;
        if (!p) continue;
        const now = n.position();
        if (Math.abs(now.x - p.x) > 0.5 || Math.abs(now.y - p.y) > 0.5) moves.push([n, p]);
      }
      // After an arrival its classes are known already (decided over every element on the canvas).
      const applied = { cy, key: classInputs(state), highlight, elements: this.elementsVersion };
      const same =
        large &&
        this.applied !== null &&
        this.applied.cy === cy &&
        this.applied.key === applied.key &&
        this.applied.highlight === highlight &&
        this.applied.elements === applied.elements;
      if (!same) applyClasses(cy, known ?? classesFor(elementInfo(cy), state, highlight));
      this.applied = applied;
      this.suppressSelect = true;
      const want = new Set(state.selected);
      cy.elements(':selected').forEach((e) => {
        if (!want.has(e.id())) e.unselect();
      });
      for (const id of want) {
        const e = cy.getElementById(id);
        if (e.nonempty() && !e.selected()) e.select();
      }
      this.suppressSelect = false;
    });
    this.tuneForSize(large);
    this.scheduleLabels();
    const animate = options.animate && moves.length > 0 && moves.length <= LARGE_VIEW && motion(1) > 0;
    for (const [n, p] of moves) {
      if (animate) n.animate({ position: p, duration: motion(300) });
      else n.position(p);
    }
    return { unplaced };
  }

  /**
   * Adds a big arrival slice by slice: nodes from the middle of the quick placement outwards,
   * each tie as soon as both its ends are there, so every slice drawn is a readable picture.
   * Every step over the whole view (definitions, classes, placement, order) is a task of its
   * own, and each slice is styled and measured as it is added, so no frame has to style the
   * whole view at once. Returns the classes decided for every element on the canvas, or null
   * when a newer render took over (it adds whatever is still missing).
   */
  private async addInSlices(
    token: number,
    state: ViewState,
    highlight: Highlight | null,
    newNodes: readonly string[],
    newEdges: readonly EdgeData[],
    nodeDef: (id: string) => ElementDefinition,
    edgeDef: (e: EdgeData) => ElementDefinition,
    onProgress: RenderOptions['onProgress'],
  ): Promise<Map<string, ManagedClass[]> | null> {
    const cy = this.cy;
    const cancelled = () => token !== this.renderToken || this.cy !== cy;
    const step = async () => {
      await yieldToPage();
      return !cancelled();
    };
    const nodes: ElementDefinition[] = [];
    const edges: ElementDefinition[] = [];
    if (!(await inSlices(newNodes, (slice) => slice.forEach((id) => nodes.push(nodeDef(id))), { cancelled }))) return null;
    if (!(await inSlices(newEdges, (slice) => slice.forEach((e) => edges.push(edgeDef(e))), { cancelled }))) return null;
    // Classes from the data, before the elements exist: each element gets its style once.
    const infos = [
      ...cy.elements().map((ele) => infoOf(ele.isNode() ? 'nodes' : 'edges', ele.data() as Record<string, unknown>)),
      ...nodes.map((d) => infoOf('nodes', d.data)),
      ...edges.map((d) => infoOf('edges', d.data)),
    ];
    const classes = classesFor(infos, state, highlight);
    if (!(await step())) return null;
    const withClasses = (def: ElementDefinition): ElementDefinition => {
      const own = classes.get(String(def.data.id)) ?? [];
      def.classes = [def.classes ?? '', ...own].filter(Boolean).join(' ');
      return def;
    };
    const unplacedNodes = nodes.filter((d) => !d.position);
    const quick = quickPlacement(
      unplacedNodes.map((d) => String(d.data.id)),
      edges.map((d) => ({ source: String(d.data.source), target: String(d.data.target) })),
    );
    for (const d of unplacedNodes) d.position = quick[String(d.data.id)] ?? { x: 0, y: 0 };
    if (!(await step())) return null;
    // A whole new picture is framed before its first slice; an addition keeps the viewport.
    const framed = cy.nodes().empty() ? this.frameFor(Object.values(quick)) : null;
    // Placed nodes first, then the quick placement from its middle outwards.
    const fromMiddle = (d: ElementDefinition) => {
      const q = quick[String(d.data.id)];
      return q ? q.x ** 2 + q.y ** 2 : -1;
    };
    nodes.sort((a, b) => fromMiddle(a) - fromMiddle(b));
    const order = arrivalOrder(nodes, edges, (id) => cy.getElementById(id).nonempty()).map(withClasses);
    if (!(await step())) return null;
    this.arriving = true;
    try {
      const done = await inSlices(
        order,
        (slice) => {
          const added = cy.add(withEnds(slice, (id) => cy.getElementById(id).nonempty()));
          // Styled, measured and given their drawn geometry now, in this slice's task:
          // Cytoscape would otherwise do it for every element still waiting in the next frame,
          // or in the next selector that reads styles (`:visible`), in one long task.
          this.settleRendering(added);
          if (framed && cy.zoom() !== framed.zoom) cy.viewport(framed);
          return spaceFrames(cy);
        },
        { slice: FIRST_SLICE, targetMs: SLICE_MS, maxSlice: MAX_SLICE, onProgress, cancelled },
      );
      if (!done) return null;
      // The last slice's frame is drawn sorted, and the render's own work after it is a task of its own.
      sortForFrame(cy);
      await yieldToPage();
      return cancelled() ? null : classes;
    } finally {
      this.arriving = false;
    }
  }

  /**
   * The laid-out picture spread about its centre so that it frames at the zoom the canvas has,
   * when that takes at most twice its size (never shrunk: its nodes keep their room). Cytoscape
   * keeps each element's drawing at the zoom's power of two; at another one, the first frame
   * draws all of them again: 0.2-0.3 s at 2,844 nodes (quiet), where the arrival had drawn them
   * a slice at a time.
   */
  private atCurrentZoom(positions: Record<string, Position>): Record<string, Position> {
    const points = Object.values(positions);
    const frame = this.frameFor(points);
    const zoom = this.cy.zoom();
    if (!frame || !(zoom > 0)) return positions;
    const k = frame.zoom / zoom;
    return k < 1.01 || k > 2 ? positions : scaledAbout(positions, k, boxCentre(points));
  }

  /** Zoom and pan that show these points with a margin, as a fit of the finished picture would. */
  private frameFor(points: Position[]): { zoom: number; pan: Position } | null {
    if (!points.length) return null;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const w = this.cy.width();
    const h = this.cy.height();
    const pad = 40;
    const zoom = Math.min(
      MAX_FIT_ZOOM,
      Math.max(this.cy.minZoom(), Math.min((w - 2 * pad) / Math.max(1, x2 - x1), (h - 2 * pad) / Math.max(1, y2 - y1))),
    );
    return { zoom, pan: { x: w / 2 - zoom * ((x1 + x2) / 2), y: h / 2 - zoom * ((y1 + y2) / 2) } };
  }

  /**
   * Cytoscape's own level of detail while the user pans or zooms a large view: move a snapshot
   * of the canvas and leave ties out until the gesture ends. Redrawing 10,000 elements per frame
   * managed about 2 frames a second on this 2-core machine. The options are read from the
   * renderer on every frame, but Cytoscape only takes them at creation: set them there.
   */
  /**
   * What Cytoscape's next frame would work out for elements just added or moved, done now, in
   * the task that changed them: their style, the geometry it draws from (ties' end points,
   * label boxes; `flushRenderedStyleQueue`, not in its public types) and their bounding boxes.
   * Left to the frame, a 10k view's first frame after an arrival or a layout spent up to
   * 0.9 s on it before drawing anything.
   */
  private settleRendering(eles: cytoscape.Collection): void {
    (this.cy as unknown as { renderer(): { flushRenderedStyleQueue?(): void } | null }).renderer()?.flushRenderedStyleQueue?.();
    eles.boundingBox({});
    // Working out a box tells the renderer that the element changed, and its next frame (or the
    // tick after) worked out the element's style and its ties' end points all over again: 64 ms
    // of a 243 ms frame at 10k. Nothing about them changed since the line above, so they stay
    // marked as done.
    eles.forEach((ele) => {
      const rstyle = (ele as unknown as { _private: { rstyle?: { clean?: boolean; cleanConnected?: boolean } } })._private.rstyle;
      if (!rstyle) return;
      rstyle.clean = true;
      rstyle.cleanConnected = true;
    });
  }

  private tuneForSize(large: boolean): void {
    const r = (this.cy as unknown as { renderer(): { hideEdgesOnViewport?: boolean; textureOnViewport?: boolean } | null }).renderer();
    if (!r || r.hideEdgesOnViewport === large) return;
    r.hideEdgesOnViewport = large;
    r.textureOnViewport = large;
  }

  /** Takes everything off the canvas, and stops a big view still arriving. */
  clear(): void {
    this.renderToken++;
    this.cy.elements().remove();
  }

  /** Positions of every node on the canvas, rounded as the URL keeps them. */
  positions(): Record<string, Position> {
    const out: Record<string, Position> = {};
    this.cy.nodes().forEach((n) => {
      out[n.id()] = roundPos(n.position());
    });
    return out;
  }

  /** Place nodes new to the canvas beside the nodes they hang from, leaving the rest still. */
  placeNew(unplaced: string[], anchor: string | null = null): Record<string, Position> {
    const cy = this.cy;
    const placed: Record<string, Position> = {};
    const isNew = new Set(unplaced);
    cy.nodes().forEach((n) => {
      if (!isNew.has(n.id())) placed[n.id()] = roundPos(n.position());
    });
    const edges = cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id() }));
    const ext = cy.extent();
    const spots = placeNewNodes(unplaced, placed, edges, { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 }, { anchor });
    cy.batch(() => {
      for (const [id, p] of Object.entries(spots)) cy.getElementById(id).position(p);
    });
    if (anchor && cy.getElementById(anchor).nonempty()) this.anchor = anchor;
    // The anchor's best-connected neighbours, old and new, are moved apart until their names fit.
    Object.assign(spots, this.spreadNamed());
    const fresh = cy.nodes().filter((n) => isNew.has(n.id()));
    this.revealIfOutside(fresh, fresh.union(anchor ? cy.getElementById(anchor) : cy.collection()).union(fresh.neighborhood('node')));
    return spots;
  }

  /** True while the names to show are still to be chosen (tests wait for it). */
  get labelsPending(): boolean {
    return this.labelTimer !== null;
  }

  /** Chooses the names now when they are waiting to be chosen: for whoever waits for the view to settle. */
  flushLabels(): void {
    if (!this.labelTimer) return;
    clearTimeout(this.labelTimer);
    this.labelTimer = null;
    this.updateLabels();
  }

  private scheduleLabels(): void {
    if (this.arriving) return;
    if (this.labelTimer) clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => {
      this.labelTimer = null;
      this.updateLabels();
    }, 40);
  }

  /** What the labels are ranked by: the selection and the answer first, then the anchor. */
  private rankInput(): Parameters<typeof rankNodes>[0] {
    const cy = this.cy;
    const shown = cy.nodes(':visible');
    const pinned = new Set(cy.nodes(':selected, .emphasis, .on-path, .root').map((n) => n.id()));
    return {
      nodes: shown.map((n) => n.id()),
      edges: shown.edgesWith(shown).map((e) => ({ source: e.source().id(), target: e.target().id() })),
      pinned,
      anchor: this.anchor && cy.getElementById(this.anchor).nonempty() ? this.anchor : null,
    };
  }

  /**
   * Level of detail for names: every label that would be drawn at this zoom and lies in the
   * window is ranked, and one that meets a better-ranked label is left out (class
   * `label-off`) until zooming in gives it room. Node names rank above tie captions.
   */
  updateLabels(): void {
    const cy = this.cy;
    if (cy.nodes().length > LABEL_LOD_MAX_NODES) {
      cy.elements('.label-off').removeClass('label-off');
      sizeNames(cy, new Set(), this.sizedNames);
      return;
    }
    const input = this.rankInput();
    sizeNames(cy, this.namedSet(input), this.sizedNames);
    // Cytoscape draws a label when its size at the zoom rounded up to a power of two reaches
    // the element's min-zoomed-font-size (its eleTextBiggerThanMin): the same test here.
    const scale = 2 ** Math.ceil(Math.log2(cy.zoom() * (window.devicePixelRatio || 1)));
    const ext = cy.extent();
    const drawn = (e: cytoscape.SingularElementArgument) => {
      if (!e.visible() || !(pstyle(e, 'label').strValue ?? '')) return false;
      return pstyle(e, 'font-size').pfValue * scale >= pstyle(e, 'min-zoomed-font-size').pfValue;
    };
    const inWindow = (b: cytoscape.BoundingBox12) => b.x1 < ext.x2 && b.x2 > ext.x1 && b.y1 < ext.y2 && b.y2 > ext.y1;
    const boxes: RankedBox[] = [];
    const candidates = cy.collection();
    const consider = (e: cytoscape.SingularElementArgument) => {
      if (!drawn(e)) return;
      const b = e.boundingBox(LABEL_ONLY);
      if (b.w <= 0 || !inWindow(b)) return;
      candidates.merge(e);
      // The power of two lets Cytoscape draw names at 3 px: one under MIN_DRAWN_PX is left out.
      if (pstyle(e, 'font-size').pfValue * cy.zoom() < MIN_DRAWN_PX) return;
      boxes.push({ id: e.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
    };
    for (const id of rankNodes(input)) consider(cy.getElementById(id));
    // Captions that show at all: not bundled away, dimmed, faded or crowded (those draw none).
    const captions = cy
      .edges(':visible')
      .not('.crowded, .dimmed, .out-of-time')
      .sort(byId)
      .sort((a, b) => Number(b.is(':selected, .emphasis, .on-path')) - Number(a.is(':selected, .emphasis, .on-path')));
    captions.forEach((e) => consider(e));
    const keep = keepLabels(boxes);
    cy.batch(() => {
      cy.elements('.label-off').forEach((e) => {
        if (!candidates.contains(e) || keep.has(e.id())) e.removeClass('label-off');
      });
      candidates.forEach((e) => {
        if (!keep.has(e.id())) e.addClass('label-off');
      });
    });
  }

  /**
   * Move the nodes whose names must show (the selection, the answer, the anchor and its
   * best-connected neighbours) apart until their boxes, label included, do not meet. Returns
   * the new positions of the nodes that moved.
   */
  private spreadNamed(): Record<string, Position> {
    const cy = this.cy;
    if (cy.nodes().length > LABEL_LOD_MAX_NODES) return {};
    const input = this.rankInput();
    const named = this.namedSet(input);
    const ranked = rankNodes(input)
      .filter((id) => named.has(id))
      .map((id) => {
        const b = cy.getElementById(id).boundingBox(NODE_AND_LABEL);
        return { id, x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
      });
    const moves = spreadApart(ranked, { fixed: new Set(input.anchor ? [input.anchor] : []) });
    const out: Record<string, Position> = {};
    cy.batch(() => {
      for (const [id, m] of moves) {
        const n = cy.getElementById(id) as NodeSingular;
        const p = n.position();
        out[id] = roundPos({ x: p.x + m.dx, y: p.y + m.dy });
        n.position(out[id]);
      }
    });
    return out;
  }

  /** The nodes whose names must show: the selection, the answer, the anchor and its best-connected neighbours. */
  private namedSet(input: ReturnType<GraphView['rankInput']>): Set<string> {
    const named = new Set<string>(input.pinned);
    if (input.anchor) {
      named.add(input.anchor);
      for (const id of namedNeighbours(input.anchor, neighbourSets(input.nodes, input.edges))) named.add(id);
    } else for (const id of rankNodes(input).slice(0, 16)) named.add(id);
    return named;
  }

  /**
   * After a fit of the whole picture: the names that must show take their legible size at the fitted zoom; where
   * those larger names now meet, their nodes move apart and the picture is fitted again. Each
   * round's names are a little larger, so a few rounds at most; the moves go to the view's state.
   */
  private afterFit(target?: cytoscape.Collection, move = true): void {
    const cy = this.cy;
    this.capZoom();
    // Only a fit of the whole picture moves nodes: framing a few (a search result, an answer)
    // must not shuffle the rest, nor may framing an opened link move what it saved.
    const whole = !target || cy.nodes(':visible').every((n) => target.contains(n));
    if (cy.nodes().length > LABEL_LOD_MAX_NODES || !whole || !move) return;
    const moved: Record<string, Position> = {};
    for (let round = 0; round < 4; round++) {
      sizeNames(cy, this.namedSet(this.rankInput()), this.sizedNames);
      const spots = this.spreadNamed();
      if (!Object.keys(spots).length) break;
      Object.assign(moved, spots);
      cy.fit(target ?? cy.elements(':visible'), 40);
      this.capZoom();
    }
    // A layout hands back every position when it ends: only a fit on its own reports its moves.
    if (Object.keys(moved).length && !this.layingOut) this.bus.emit('view:spread', { positions: moved });
  }

  private revealIfOutside(eles: cytoscape.CollectionReturnValue, fitTo?: cytoscape.CollectionReturnValue): void {
    if (eles.empty()) return;
    const ext = this.cy.extent();
    const bb = eles.boundingBox({});
    if (bb.x1 < ext.x1 || bb.x2 > ext.x2 || bb.y1 < ext.y1 || bb.y2 > ext.y2) {
      this.cy.animate({
        fit: { eles: fitTo ?? this.cy.elements(':visible'), padding: 60 },
        duration: motion(350),
        complete: () => this.afterFit(fitTo),
      });
    }
  }

  /**
   * Run a named layout over what is visible. `pairs` orders a layered layout ([upper, lower]);
   * without them the ties' types decide.
   */
  async runLayout(
    name: LayoutName,
    opts: { root?: string | null; pairs?: Array<[string, string]> } = {},
  ): Promise<Record<string, Position>> {
    this.layingOut = true;
    try {
      return await this.layOut(name, opts);
    } finally {
      this.layingOut = false;
    }
  }

  private async layOut(
    name: LayoutName,
    opts: { root?: string | null; pairs?: Array<[string, string]> },
  ): Promise<Record<string, Position>> {
    // The engine before the elements are read: its chunk may take a moment to arrive the first time.
    if (name === 'hierarchy') await loadLayout('dagre');
    else if (name === 'force' && this.cy.nodes().length <= LARGE_VIEW) await loadLayout('fcose');
    // A big view's layout starts in a task of its own: the render that put the view on the
    // canvas, the page's update after it and the layout's start made one task of 160-210 ms at
    // 10k (quiet).
    if (this.cy.nodes().length > LARGE_VIEW) await yieldToPage();
    const cy = this.cy;
    // In id order: a layout reads its elements in order, and the same view must come out the same.
    const visible = cy.elements(':visible').sort(byId);
    const nodes = visible.nodes();
    if (nodes.empty()) return this.positions();
    if (name === 'force') {
      if (nodes.length > LARGE_VIEW) await this.forceOffThread(visible);
      else {
        await loadLayout('fcose');
        await this.runLayoutOn(visible, forceLayout({ nodeCount: nodes.length }));
      }
      this.spreadNamed();
    } else if (name === 'concentric') {
      const selected = cy.nodes(':selected');
      const root =
        opts.root && cy.getElementById(opts.root).nonempty() ? opts.root : selected.nonempty() ? selected.first().id() : nodes.first().id();
      const depth = depthsFrom(
        root,
        nodes.map((n) => n.id()),
        visible.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
      );
      await this.runLayoutOn(visible, concentricLayout(depth, nodes.length));
    } else {
      const pairs =
        opts.pairs ??
        orientByType(visible.edges().map((e) => ({ source: e.source().id(), target: e.target().id(), type: e.data('type') }) as LayerEdge));
      // Spacing from what is drawn: a node with its label, plus a margin, so names never meet.
      const sizes: Record<string, { w: number; h: number }> = {};
      nodes.forEach((n) => {
        const bb = n.boundingBox({ includeLabels: true, includeOverlays: false } as never);
        sizes[n.id()] = { w: bb.w + 16, h: bb.h + 10 };
      });
      const positions = layeredPositions(
        nodes.map((n) => n.id()),
        pairs,
        { sizes },
      );
      await this.runLayoutOn(visible, {
        name: 'preset',
        positions: (n: NodeSingular) => positions[n.id()] ?? n.position(),
        animate: nodes.length <= LARGE_VIEW && motion(1) > 0,
        animationDuration: motion(450),
        fit: true,
        padding: 40,
      } as unknown as LayoutOptions);
    }
    return this.positions();
  }

  /**
   * fCoSE for a large view in a web worker, so the page keeps answering (and the spinner
   * turns) during seconds of layout; positions come back and are placed in one step. Without
   * workers, or if the worker fails, the layout runs here as for small views.
   */
  private async forceOffThread(visible: cytoscape.Collection): Promise<void> {
    const cy = this.cy;
    const nodes = visible.nodes();
    const options = forceLayout({ nodeCount: nodes.length });
    // Measuring each node with its name takes a while at 10,000 nodes: in slices too.
    const sized: ForceJob['nodes'] = [];
    await inSlices(nodes.toArray(), (slice) => {
      for (const n of slice) {
        const box = (n as NodeSingular).layoutDimensions({ nodeDimensionsIncludeLabels: true });
        sized.push({ id: n.id(), w: box.w, h: box.h });
      }
    });
    const job: ForceJob = {
      nodes: sized,
      edges: visible.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
      options: options as unknown as Record<string, unknown>,
    };
    let positions: Record<string, Position>;
    try {
      positions = await layoutInWorker(job);
    } catch (err) {
      console.warn('the layout worker failed; laying out on the page', err);
      await loadLayout('fcose');
      return this.runLayoutOn(visible, options);
    }
    // The picture settles into the worker's positions a slice at a time, then is framed from
    // the positions alone (a fit measures every label: seconds at 10,000 nodes). A node weighs
    // its ties, which are measured again with it: slices of 200 nodes, hubs among them, took
    // up to 0.3 s at 10k (quiet).
    const degree = new Map<string, number>();
    for (const e of job.edges) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    const weight = (n: cytoscape.SingularElementArgument) => 1 + (degree.get(n.id()) ?? 0);
    let frame: ReturnType<GraphView['frameFor']> = null;
    if (nodes.length > LABEL_LOD_MAX_NODES) {
      positions = this.atCurrentZoom(positions);
      frame = this.frameFor(nodes.map((n) => positions[n.id()] ?? n.position()));
      if (frame) cy.viewport(frame);
    }
    await inSlices(
      nodes.toArray(),
      (slice) => {
        const moved = cy.collection(slice as unknown as cytoscape.CollectionArgument);
        cy.batch(() => {
          for (const n of slice) {
            const p = positions[n.id()];
            if (p) (n as NodeSingular).position(p);
          }
        });
        // Their ties' ends and the boxes drawn, now rather than all in the next frame.
        this.settleRendering(moved.union(moved.connectedEdges()));
        return spaceFrames(cy);
      },
      { slice: PLACED_SLICE, weight, targetMs: SLICE_MS, maxSlice: 4 * PLACED_SLICE },
    );
    if (!frame) this.fit(visible, false);
  }

  private runLayoutOn(eles: cytoscape.Collection, options: LayoutOptions): Promise<void> {
    return new Promise((resolve) => {
      // Less motion asked for: the layout's end at once.
      const layout = eles.layout(motion(1) > 0 ? options : ({ ...options, animate: false } as LayoutOptions));
      layout.one('layoutstop', () => {
        this.afterFit(eles);
        resolve();
      });
      try {
        // fCoSE draws random numbers: seeded by the view's nodes, the same view gets the same layout.
        withRandom(seededRandom(seedOf(eles.nodes().map((n) => n.id()))), () => layout.run());
      } catch (err) {
        // A layout that throws leaves the nodes where they were; the view stays usable.
        console.warn('layout failed', err);
        resolve();
      }
    });
  }

  /** Bring these nodes into view when some of them are outside it. */
  reveal(ids: Iterable<string>): void {
    let eles = this.cy.collection();
    for (const id of ids) eles = eles.union(this.cy.getElementById(id));
    this.revealIfOutside(eles, eles);
  }

  /** `keepPositions`: frame only (an opened link keeps the positions it was saved with). */
  fit(eles?: cytoscape.Collection, animate = true, options: { keepPositions?: boolean } = {}): void {
    const target = eles ?? this.cy.elements(':visible');
    const move = !options.keepPositions;
    if (animate)
      this.cy.animate({ fit: { eles: target, padding: 40 }, duration: motion(300), complete: () => this.afterFit(target, move) });
    else {
      this.cy.fit(target, 40);
      this.afterFit(target, move);
    }
  }

  /** A few nodes fitted to the window would be drawn huge: keep them at a reading size. */
  private capZoom(): void {
    const cy = this.cy;
    if (cy.zoom() <= MAX_FIT_ZOOM) return;
    const ext = cy.extent();
    cy.zoom({ level: MAX_FIT_ZOOM, position: { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 } });
  }

  centreOn(id: string): void {
    const n = this.cy.getElementById(id);
    if (n.empty()) return;
    // Framed with its neighbours at a reading size, whatever the window: zooming in on the node
    // alone showed fragments of labels on a phone.
    this.anchor = id;
    const eles = n.closedNeighborhood(':visible');
    this.cy.animate({ fit: { eles, padding: 48 }, duration: motion(350), complete: () => this.capZoom() });
  }

  /**
   * Temporarily leave out what an image should not show: ties not valid as of the chosen
   * date and, for a selection, everything outside it.
   */
  private withExportScope<T>(scope: 'view' | 'selection', draw: () => T): T {
    const cy = this.cy;
    let out = cy.elements('.out-of-time');
    if (scope === 'selection') {
      const sel = cy.elements(':selected');
      const keep = sel.union(sel.nodes().edgesWith(sel.nodes()));
      out = out.union(cy.elements().difference(keep.union(keep.connectedNodes())));
    }
    const selected = cy.elements(':selected');
    const hovered = cy.elements('.hover');
    cy.batch(() => {
      out.addClass('export-hidden');
      hovered.removeClass('hover');
      selected.unselect();
    });
    // A figure lays out its own names at its own scale: each at its own size there.
    sizeNames(cy, new Set(), this.sizedNames);
    try {
      return draw();
    } finally {
      this.scheduleLabels();
      this.suppressSelect = true;
      cy.batch(() => {
        out.removeClass('export-hidden');
        selected.select();
      });
      this.suppressSelect = false;
    }
  }

  png(scope: 'view' | 'selection'): Promise<Blob> {
    return this.withExportScope(scope, () =>
      this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: THEMES[this.theme].background, maxWidth: 8000, maxHeight: 8000 }),
    );
  }

  /** What is shown as a drawing model; its metadata lists the elements with provenance. */
  drawing(scope: 'view' | 'selection', meta: { title: string; asOf: string | null }): SvgModel {
    const cy = this.cy;
    return this.withExportScope(scope, () => {
      const drawn = cy.elements(':visible');
      const nodes = drawn
        .nodes()
        .map((n) => ({ id: n.id(), label: n.data('label'), name: n.data('name'), sources: n.data('sources') ?? [] }));
      // Ties drawn as one line are all in the data, each with its own dates and sources.
      const tied = drawn.edges().union(cy.edges('.bundled').not('.hidden, .export-hidden'));
      const edges = tied.map((e) => ({
        id: e.id(),
        type: e.data('type'),
        source: e.data('source'),
        target: e.data('target'),
        validFrom: e.data('validFrom'),
        validTo: e.data('validTo'),
        sources: e.data('sources') ?? [],
      }));
      return svgModelFromCy(cy, {
        title: meta.title,
        description: nodes.map((n) => n.name).join('; '),
        metadata: JSON.stringify({ generator: 'Mandate Explorer', asOf: meta.asOf, nodes, edges }),
        background: THEMES[this.theme].background,
      });
    });
  }

  /** Where the canvas has each node, for a figure drawn on the server (PDF). */
  positionsOf(ids: readonly string[]): Record<string, Position> {
    const out: Record<string, Position> = {};
    for (const id of ids) {
      const node = this.cy.getElementById(id);
      if (node.nonempty()) out[id] = roundPos(node.position());
    }
    return out;
  }

  /** Text widths as this browser draws them. */
  measure(): Measure {
    return canvasMeasure();
  }

  destroy(): void {
    this.cy.destroy();
  }
}

/** Text widths as the browser draws them, so wrapped labels break where the canvas breaks them. */
function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return roughMeasure;
  return (text, fontSize, fontWeight) => {
    ctx.font = `${fontWeight} ${fontSize}px ${FONT_FAMILY}`;
    return ctx.measureText(text).width;
  };
}

/** Whole pixels, and never -0 (a link writes "0", and -0 would read back as a change). */
function roundPos(p: Position): Position {
  return { x: Math.round(p.x) || 0, y: Math.round(p.y) || 0 };
}
