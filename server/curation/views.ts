// Saved views: a name and a link (the explorer's URL state), pinned to the version current
// when saved, so opening one can say how many change sets came after it.
import { randomBytes } from 'node:crypto';
import type { Database, Row } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { currentVersion } from './log.ts';
import { missing } from '../error-words.ts';

export interface SavedView {
  id: string;
  name: string;
  link: string;
  version: number;
  author: string;
  createdAt: string;
}

export async function saveView(db: Database, input: { name: string; link: string }, actor: Actor): Promise<SavedView> {
  const { version } = await currentVersion(db);
  const view: SavedView = {
    id: `view-${randomBytes(6).toString('hex')}`,
    name: input.name,
    link: input.link,
    version,
    author: actor.name,
    createdAt: new Date().toISOString(),
  };
  await db.write('curation/create-view', { view });
  return view;
}

async function withChanges(db: Database, view: SavedView, current: number) {
  const changesSince = Number((await db.read('curation/count-changes-since', { version: view.version }))[0]?.changes ?? 0);
  return { ...view, changesSince, currentVersion: current, diff: `/api/diff?from=${view.version}&to=${current}` };
}

export async function getView(db: Database, id: string) {
  const row = (await db.read('curation/get-view', { id }))[0];
  if (!row) throw missing('view', 'params.id', id);
  return withChanges(db, row.view as SavedView, (await currentVersion(db)).version);
}

export async function listViews(db: Database, limit: number) {
  const current = (await currentVersion(db)).version;
  const rows = await db.read('curation/list-views', { limit });
  return { views: await Promise.all(rows.map((r: Row) => withChanges(db, r.view as SavedView, current))) };
}
