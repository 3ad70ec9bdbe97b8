// Every message between UI modules, as a name → payload map. Modules never call each other:
// they emit here and the controller (main.ts) answers.
import type { ChainDirection, Direction, ExportFormat, RelationshipType } from './api/types.ts';
import type { CanvasDiff } from './features/compare/model.ts';
import type { LayoutName, Position, ViewAction } from './state/view-state.ts';

export type ImageFormat = 'png' | 'svg' | 'pdf';

export interface RepresentationAsk {
  agent: string | null;
  principal: string | null;
  forum: string | null;
  capacity: string | null;
}

export interface AppEvents {
  /** A search hit or any node name was picked: put it on the canvas and centre on it. */
  'node:show': { id: string };
  'node:expand': { id: string; types?: RelationshipType[]; direction?: Direction };
  'node:collapse': { id: string };
  'selection:remove': { ids: string[] };
  'chain:trace': { id: string; direction: ChainDirection };
  'paths:find': { from: string; to: string; directed: boolean; types: RelationshipType[] };
  'paths:step': { index: number };
  'representation:show': RepresentationAsk;
  /** Compare two nodes: what both are tied to (forums, partners). */
  'common:find': { a: string; b: string };
  /** Any change to the view that the state's reducer knows. */
  'view:act': ViewAction;
  'layout:run': { name: LayoutName; root?: string | null };
  'view:fit': Record<string, never>;
  /** Nodes the view moved apart after a fit so their names fit (issue 20): kept, not an undo step. */
  'view:spread': { positions: Record<string, Position> };
  'history:undo': Record<string, never>;
  'history:redo': Record<string, never>;
  'export:data': { format: ExportFormat; scope: 'view' | 'selection' };
  'export:image': { format: ImageFormat; scope: 'view' | 'selection'; caption: string };
  'panel:open': { panel: ToolPanel };
  /** Fill a tool panel's fields from a node's buttons. */
  'paths:prefill': { from?: { id: string; name: string }; to?: { id: string; name: string } };
  'representation:prefill': { role: 'agent' | 'principal' | 'forum'; node: { id: string; name: string } };
  'common:prefill': { a?: { id: string; name: string }; b?: { id: string; name: string } };
  'renderer:set': { webgl: boolean };
  /** The graph changed on the server (an edit, a revert, a conflict): fetch these elements again. */
  'curation:reload': { ids: string[] };
  /** Show a comparison on the canvas (null: stop showing one). */
  'compare:show': { diff: CanvasDiff | null; around: string | null };
}

export type ToolPanel =
  | 'details'
  | 'paths'
  | 'representation'
  | 'chain'
  | 'common'
  | 'table'
  | 'edit'
  | 'history'
  | 'changes'
  // Source watch's queue (features/review): editors only.
  | 'review';

type Handler<T> = (payload: T) => void;

export class EventBus<M extends object = AppEvents> {
  private readonly handlers = new Map<keyof M, Set<Handler<never>>>();

  on<K extends keyof M>(name: K, handler: Handler<M[K]>): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }

  emit<K extends keyof M>(name: K, payload: M[K]): void {
    for (const h of this.handlers.get(name) ?? []) (h as Handler<M[K]>)(payload);
  }
}
