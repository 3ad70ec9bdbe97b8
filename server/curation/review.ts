// The review queue of source watch (docs/curation.md, "Source watch (as built)"): facts whose
// cited lines changed or went in a new text of their document, with the old and new lines side
// by side, and the editor's answer to one — confirm it with a new citation, or retire it — as a
// 'review' change set. Both go through applyChangeSet, so the model's rules, the citation checks
// and the `rev` check (two editors resolving one item: 201 and 409) are those of every edit.
import type { Database } from '../db/database.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { documentName, readDocuments } from '../graph/documents.ts';
import type { Lang } from '../graph/summary.ts';
import type { Actor } from './actor.ts';
import { applyChangeSet, type AppliedChangeSet } from './apply.ts';
import { formatCitation } from './source-diff.ts';
import { citingFacts, factTitle, readDocument, reviewCitations, SOURCE_CHANGED, type WatchedDocument } from './source-watch.ts';
import { z } from '../zod.ts';
import { missing } from '../error-words.ts';
import { reviewStale } from '../refusal-words.ts';

const Line = z.object({ n: z.number().int(), text: z.string() });

export const ReviewItem = z
  .object({
    element: z.object({
      kind: z.enum(['node', 'tie']),
      id: z.string().openapi({ description: 'the node id or the tie’s fact id, for POST /api/review/:kind/:id; not for display' }),
      rev: z.number().int(),
      title: z.string().openapi({ description: 'the fact in people’s words, in the language asked for' }),
    }),
    document: z.object({
      file: z.string().openapi({ description: 'for opening its lines; not for display' }),
      title: z.string().openapi({ description: 'the document as citations name it: short title and year' }),
    }),
    since: z.number().int().openapi({ description: 'the version of the document whose text changed the cited lines' }),
    citation: z.object({ start: z.number().int(), end: z.number().int() }).openapi({ description: 'the cited lines, in the old text' }),
    status: z.enum(['changed', 'gone']).openapi({ description: 'gone: the new text has nothing where the lines stood' }),
    oldLines: z.array(Line),
    newLines: z.array(Line).openapi({ description: 'the lines of the current text that stand where the cited ones stood; may be empty' }),
  })
  .openapi('ReviewItem');
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewList = z.object({ items: z.array(ReviewItem) }).openapi('ReviewList');

export const ReviewAction = z
  .discriminatedUnion('action', [
    z
      .object({
        action: z.literal('confirm'),
        rev: z.number().int().min(0),
        reason: z.string().trim().min(10, 'say why in at least 10 characters').max(2000),
        citation: z
          .object({
            start: z.number().int().min(1, 'lines are numbered from 1'),
            end: z.number().int().min(1, 'lines are numbered from 1'),
          })
          .strict()
          .refine((c) => c.end >= c.start, { message: 'the range ends before it starts', path: ['end'] })
          .openapi({ description: 'the lines of the current text that support the fact' }),
      })
      .strict(),
    z
      .object({
        action: z.literal('retire'),
        rev: z.number().int().min(0),
        reason: z.string().trim().min(10, 'say why in at least 10 characters').max(2000),
      })
      .strict(),
  ])
  .openapi('ReviewAction');
export type ReviewAction = z.infer<typeof ReviewAction>;

export async function listReview(db: Database, lang: Lang, sourcesDir: string | undefined): Promise<{ items: ReviewItem[] }> {
  const reads = { run: (name: Parameters<Database['read']>[0], params?: Record<string, unknown>) => db.read(name, params) };
  const flagged = await citingFacts(reads, 'flagged');
  const docs = await readDocuments(db);
  const documents = new Map<string, WatchedDocument | null>();
  const items: ReviewItem[] = [];
  for (const fact of flagged) {
    const props = fact.state.properties;
    const file = String(props.reviewFile ?? '');
    if (!documents.has(file)) documents.set(file, await readDocument(reads, file, sourcesDir));
    const doc = documents.get(file);
    if (!doc) continue;
    const title = factTitle(fact, lang);
    for (const c of reviewCitations(props, doc))
      items.push({
        element: { kind: fact.kind, id: fact.id, rev: fact.rev, title },
        document: { file, title: documentName(file, docs, lang) },
        since: Number(props.reviewSince ?? doc.current),
        citation: { start: c.start, end: c.end },
        status: c.status,
        oldLines: c.oldLines,
        newLines: c.newLines,
      });
  }
  return { items };
}

/** A refusal in the words of the person resolving, not the change-set API's. */
const stale = (rev: number | null) => reviewStale(rev);

export async function resolveReview(
  db: Database,
  kind: 'node' | 'tie',
  id: string,
  body: ReviewAction,
  actor: Actor,
  sourcesDir: string | undefined,
): Promise<{ changeSet: AppliedChangeSet['changeSet'] }> {
  const [row] = await db.read(kind === 'tie' ? 'curation/tie-states' : 'curation/node-states', { ids: [id] });
  if (!row || row.retired === true) throw missing('review', 'params.id', id);
  const props = row.props as Record<string, unknown>;
  const rev = typeof props.rev === 'number' ? props.rev : 0;
  if (rev !== body.rev) throw stale(rev);
  if (props.review !== SOURCE_CHANGED) throw reviewStale('not-waiting');
  const file = String(props.reviewFile);
  try {
    if (body.action === 'retire') {
      const retire = kind === 'tie' ? ('retireTie' as const) : ('retireNode' as const);
      const applied = await applyChangeSet(
        db,
        { reason: body.reason, sources: [{ file }], ops: [{ op: retire, id, rev: body.rev, reason: body.reason }] },
        actor,
        'review',
        { sourcesDir },
      );
      return { changeSet: applied.changeSet };
    }
    // The flagged citations of the document give way to the new one; the others stay.
    const reads = { run: (name: Parameters<Database['read']>[0], params?: Record<string, unknown>) => db.read(name, params) };
    const doc = await readDocument(reads, file, sourcesDir);
    const replaced = new Set(doc ? reviewCitations(props, doc).map((c) => c.index) : []);
    const sources = Array.isArray(props.sources) ? props.sources.map(String) : [];
    const lines = `L${body.citation.start}-L${body.citation.end}`;
    const ref = formatCitation(file, body.citation.start, body.citation.end, true);
    const kept = sources.filter((s, i) => !replaced.has(i) && s !== ref);
    const update = kind === 'tie' ? ('updateTie' as const) : ('updateNode' as const);
    const applied = await applyChangeSet(
      db,
      { reason: body.reason, sources: [{ file, lines }], ops: [{ op: update, id, rev: body.rev, set: { sources: [...kept, ref] } }] },
      actor,
      'review',
      { sourcesDir },
    );
    return { changeSet: applied.changeSet };
  } catch (err) {
    if (err instanceof ConflictError) {
      const [current] = await db.read(kind === 'tie' ? 'curation/tie-states' : 'curation/node-states', { ids: [id] });
      const now = current?.props as Record<string, unknown> | undefined;
      // Changed since it was read (the common case: another editor settled it first) …
      if (!now) throw stale(null);
      if (now.rev !== body.rev) throw stale(typeof now.rev === 'number' ? now.rev : 0);
      // … else the change-set API's own refusal (another tie with the same key) stands.
      throw err;
    }
    // The change-set API's paths point into its own body; here the citation is body.citation.
    if (err instanceof ValidationError)
      throw new ValidationError(
        err.message,
        err.details.map((d) => ({ ...d, path: /sources|citationNote/.test(d.path) ? 'body.citation' : 'body' })),
      );
    throw err;
  }
}
