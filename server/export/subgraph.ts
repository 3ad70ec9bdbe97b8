// What an export contains: the whole graph (streamed from Neo4j), the nodes given by id with
// the ties among them, or a root's neighbourhood with depth and filters.
import { z } from '../zod.ts';
import type { Database, Row } from '../db/database.ts';
import { neighborhood } from '../graph/neighborhood.ts';
import { asOfSpan, PartialDate } from '../model/dates.ts';
import { NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import {
  ExportFormat,
  type ExportNode,
  type ExportRelationship,
  type ExportSource,
  storedToExportNode,
  storedToExportRelationship,
} from './formats.ts';
import type { ExportDocument } from './formats/facts.ts';
import { RecordedAt } from '../curation/schemas.ts';
import { NotFoundError } from '../errors.ts';
import { rewindTo, storedNode, storedTie, undoAfter, versionOf, type Rewind } from '../curation/recorded.ts';

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a node id in kebab-case')
  .max(200);

export const ExportRequest = z
  .object({
    format: ExportFormat,
    ids: z.array(Id).min(1).max(100_000).optional(),
    root: Id.optional(),
    depth: z.number().int().min(1).max(3).default(1),
    labels: z.array(NodeLabel).min(1).optional(),
    types: z.array(RelationshipType).min(1).optional(),
    direction: z.enum(['in', 'out', 'both']).default('both'),
    asOf: PartialDate.optional(),
    limit: z.number().int().min(1).max(200_000).default(50_000),
    recordedAt: RecordedAt,
  })
  .refine((r) => !(r.ids && r.root), { message: 'give either ids or root, not both', path: ['root'] })
  .openapi('ExportRequest', {
    description:
      'No ids and no root: the whole graph. ids: those nodes and the ties among them. root: its neighbourhood with depth and filters.',
  });
export type ExportRequest = z.infer<typeof ExportRequest>;

/** The stored source documents; none before the trust model's :Source nodes are loaded. */
async function sourceDocuments(db: Database): Promise<ExportDocument[]> {
  const rows = await db.read('export/source-documents', {});
  return rows.map((r) => r.document as ExportDocument).filter((d) => typeof d.file === 'string');
}

export async function exportSource(db: Database, req: ExportRequest): Promise<ExportSource & { name: string }> {
  const span = asOfSpan(req.asOf);
  const documents = () => sourceDocuments(db);
  const version = req.recordedAt === undefined ? undefined : await versionOf(db, req.recordedAt);
  if (req.root) {
    const read = () =>
      neighborhood(db, {
        id: req.root as string,
        depth: req.depth,
        labels: req.labels,
        types: req.types,
        direction: req.direction,
        limit: req.limit,
        ...span,
      });
    // As recorded at a version: the later change sets undone on the neighbourhood.
    const graph =
      version === undefined
        ? await read()
        : await undoAfter(
            db,
            await read().catch((err: unknown) => {
              if (err instanceof NotFoundError) return null;
              throw err;
            }),
            req.root,
            version,
          );
    return {
      name: `${req.root}-depth${req.depth}`,
      documents,
      nodes: graph.nodes.map((n) => storedToExportNode(n.data)),
      // Element data names the MERGE key `id` and the fact id `factId`; stored, they are key and id.
      relationships: graph.edges.map(({ data: { factId, ...data } }) => storedToExportRelationship({ ...data, key: data.id, id: factId })),
    };
  }
  if (req.ids) {
    const nodes = (await db.read('nodes/nodes-by-ids', { ids: req.ids })).map((r) => storedToExportNode(r.node as Row));
    const rels = await db.read('nodes/relationships-among', {
      ids: nodes.map((n) => n.id),
      types: req.types ?? null,
      stated: false,
      limit: req.limit,
      ...span,
    });
    const selection: ExportSource = {
      nodes: nodes.sort((a, b) => a.id.localeCompare(b.id)),
      relationships: rels.map((r) => storedToExportRelationship(r.relationship as Row)),
    };
    return {
      name: `selection-${nodes.length}`,
      documents,
      ...(version === undefined ? selection : await rewound(db, selection, version, new Set(req.ids))),
    };
  }
  const all: ExportSource = {
    nodes: streamAll(db, 'export/all-nodes', 'node', storedToExportNode),
    relationships: streamAll(db, 'export/all-relationships', 'relationship', storedToExportRelationship),
  };
  return { name: 'graph', documents, ...(version === undefined ? all : await rewound(db, all, version, null)) };
}

/**
 * A selection or the whole graph as recorded at a version: elements changed since take their
 * state then, elements added since leave, and elements retired since come back — for a
 * selection only the nodes it names, and ties only between nodes it holds.
 */
async function rewound(db: Database, source: ExportSource, version: number, ids: Set<string> | null): Promise<ExportSource> {
  const rw: Rewind = await rewindTo(db, version);
  // A tie cannot be older than its ends, so a current tie whose end came later came later too
  // and is undone by its own operation; only ties that come back need their ends checked.
  const endThen = (id: string) => (!ids || ids.has(id)) && rw.nodeAt.get(id) !== null;
  async function* nodes() {
    const seen = new Set<string>();
    for await (const n of source.nodes) {
      seen.add(n.id);
      if (!rw.nodeAt.has(n.id)) yield n;
      else {
        const then = rw.nodeAt.get(n.id);
        if (then) yield storedToExportNode(storedNode(then));
      }
    }
    for (const [id, then] of rw.nodeAt) if (then && !seen.has(id) && (!ids || ids.has(id))) yield storedToExportNode(storedNode(then));
  }
  async function* relationships() {
    const seen = new Set<string>();
    for await (const r of source.relationships) {
      const id = String(r.properties.id);
      seen.add(id);
      if (!rw.tieAt.has(id)) yield r;
      else {
        const then = rw.tieAt.get(id);
        if (then && endThen(then.from) && endThen(then.to)) yield storedToExportRelationship(storedTie(then));
      }
    }
    for (const [id, then] of rw.tieAt)
      if (then && !seen.has(id) && endThen(then.from) && endThen(then.to)) yield storedToExportRelationship(storedTie(then));
  }
  return { nodes: nodes(), relationships: relationships() };
}

/**
 * Rows from Neo4j as an async iterable with a small buffer: the reader pulls, and the
 * database stream waits whenever the buffer is full, so memory stays flat.
 */
function streamAll<T>(
  db: Database,
  name: 'export/all-nodes' | 'export/all-relationships',
  column: string,
  convert: (props: Record<string, unknown>) => T,
): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const buffer: T[] = [];
      const HIGH_WATER = 512;
      let done = false;
      let failure: unknown = null;
      let wakeReader: (() => void) | null = null;
      let wakeWriter: (() => void) | null = null;
      const wake = () => {
        wakeReader?.();
        wakeReader = null;
      };
      db.readStream(
        name,
        {},
        async (row) => {
          buffer.push(convert(row[column] as Record<string, unknown>));
          wake();
          if (buffer.length >= HIGH_WATER) await new Promise<void>((r) => (wakeWriter = r));
        },
        { timeoutMs: 30 * 60_000 },
      ).then(
        () => {
          done = true;
          wake();
        },
        (err) => {
          failure = err;
          done = true;
          wake();
        },
      );
      return {
        async next(): Promise<IteratorResult<T>> {
          while (buffer.length === 0 && !done) await new Promise<void>((r) => (wakeReader = r));
          if (buffer.length > 0) {
            const value = buffer.shift()!;
            if (buffer.length < HIGH_WATER / 2 && wakeWriter) {
              const w = wakeWriter;
              wakeWriter = null;
              w();
            }
            return { value, done: false };
          }
          if (failure) throw failure;
          return { value: undefined, done: true };
        },
      };
    },
  };
}

export type { ExportNode, ExportRelationship };
