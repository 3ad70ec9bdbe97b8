// The view state with its history: every undoable action pushes the state it replaced, undo
// and redo swap snapshots. Snapshots are immutable, so a step costs one object.
import { isUndoable, reduce, type ViewAction, type ViewState } from './view-state.ts';

export type ChangeCause = 'action' | 'undo' | 'redo' | 'load';
export type Listener = (state: ViewState, previous: ViewState, cause: ChangeCause, action: ViewAction | null) => void;

const MAX_HISTORY = 100;

export class ViewStore {
  private past: ViewState[] = [];
  private future: ViewState[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private current: ViewState) {}

  get state(): ViewState {
    return this.current;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `record: false` amends the present instead of adding an undo step. */
  dispatch(action: ViewAction, options: { record?: boolean } = {}): void {
    const next = reduce(this.current, action);
    if (next === this.current) return;
    const record = options.record ?? isUndoable(action);
    if (record) {
      this.past.push(this.current);
      if (this.past.length > MAX_HISTORY) this.past.shift();
      this.future = [];
    }
    this.set(next, 'action', action);
  }

  /** A whole new state (opening a link): history starts afresh. */
  load(state: ViewState): void {
    this.past = [];
    this.future = [];
    this.set(state, 'load', null);
  }

  undo(): boolean {
    const previous = this.past.pop();
    if (!previous) return false;
    this.future.push(this.current);
    this.set(previous, 'undo', null);
    return true;
  }

  redo(): boolean {
    const next = this.future.pop();
    if (!next) return false;
    this.past.push(this.current);
    this.set(next, 'redo', null);
    return true;
  }

  private set(state: ViewState, cause: ChangeCause, action: ViewAction | null): void {
    const previous = this.current;
    this.current = state;
    for (const l of this.listeners) l(state, previous, cause, action);
  }
}
