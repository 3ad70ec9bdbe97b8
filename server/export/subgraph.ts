// What an export contains: the whole graph (streamed from Neo4j), the nodes given by id with
// the ties among them, or a root's neighbourhood with depth and filters.
import { z } from '../zod.ts';
import type { Database, Reader, Row } from '../db/database.ts';
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
import type { NodeState } from '../curation/state.ts';
import { RecordedAt } from '../curation/schemas.ts';
import { plain } from '../curation/layer.ts';
import {
  asRecorded,
  changesSince,
  layerHolds,
  recordedVersion,
  storedNode,
  storedTie,
  type RecordedAtInfo,
  type Rewind,
} from '../curation/recorded.ts';
import { databaseUnavailable } from '../refusal-words.ts';
import { withReadableCitations } from './readable-texts.ts';

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
    lang: z
      .enum(['en', 'sv'])
      .default('en')
      .openapi({ description: 'The language of citations inside texts for people (evidence, notes), in the formats people read' }),
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

/** An export's elements; with recordedAt, what it says about itself. */
export type Export = ExportSource & {
  name: string;
  recordedAt?: RecordedAtInfo;
  /** Called once the file is written: throws if it can no longer be trusted (see below). */
  settled?: () => Promise<void>;
};

/** An export's elements, their texts citing documents by name in the formats people read (readable-texts.ts). */
export async function exportSource(db: Database, req: Omit<ExportRequest, 'lang'> & { lang?: ExportRequest['lang'] }): Promise<Export> {
  return withReadableCitations(db, await elementsOf(db, req), req.format, req.lang ?? 'en');
}

async function elementsOf(db: Database, req: Omit<ExportRequest, 'lang'>): Promise<Export> {
  const documents = () => sourceDocuments(db);
  // A root or a selection is read whole into memory anyway, so as recorded it is read exactly
  // like any other read: inside the rolled-back transaction that undoes the later change sets.
  if (req.root || req.ids) {
    const picked = await asRecorded(db, req.recordedAt, 'body.recordedAt', (reader) =>
      req.root ? rootSource(reader, req, req.root) : selectionSource(reader, req, req.ids ?? []),
    );
    return { documents, ...picked };
  }
  const all: ExportSource = {
    nodes: streamAll(db, 'export/all-nodes', 'node', storedToExportNode),
    relationships: streamAll(db, 'export/all-relationships', 'relationship', storedToExportRelationship),
  };
  if (req.recordedAt === undefined) return { name: 'graph', documents, ...all };
  // The whole graph streams at the client's pace, which may take minutes: holding the version
  // lock that long would stop every edit. So it streams the current graph and swaps each
  // element changed since for its state then; if a change set lands meanwhile, the file is cut
  // off unfinished rather than left silently mixing two versions.
  const { version, at } = await recordedVersion(db, req.recordedAt, 'body.recordedAt');
  // From the recorded-states layer: the copies valid then, streamed like the current graph; the
  // past never changes, so a change set landing meanwhile cuts nothing off.
  if (await layerHolds(db, version))
    return {
      name: 'graph',
      documents,
      recordedAt: { version, at, undone: 0, method: 'layer' },
      nodes: streamAll(db, 'export/all-nodes.past', 'node', storedToExportNode, { v: version }),
      relationships: streamAll(db, 'export/all-relationships.past', 'relationship', storedToExportRelationship, { v: version }),
    };
  const before = await graphVersion(db);
  const rw = await changesSince(db, version);
  return {
    name: 'graph',
    documents,
    recordedAt: { version, at, undone: rw.undone, method: 'replay' },
    settled: async () => {
      if ((await graphVersion(db)) !== before) throw databaseUnavailable('changed-during-export');
    },
    ...rewound(all, rw),
  };
}

const graphVersion = async (db: Database) => Number((await db.read('curation/graph-version'))[0]?.version ?? 0);

async function rootSource(reader: Reader, req: Omit<ExportRequest, 'lang'>, root: string): Promise<ExportSource & { name: string }> {
  const graph = await neighborhood(reader, {
    id: root,
    depth: req.depth,
    labels: req.labels,
    types: req.types,
    direction: req.direction,
    limit: req.limit,
    ...asOfSpan(req.asOf),
  });
  return {
    name: `${root}-depth${req.depth}`,
    nodes: graph.nodes.map((n) => storedToExportNode(n.data)),
    // Element data names the MERGE key `id` and the fact id `factId`; stored, they are key and id.
    relationships: graph.edges.map(({ data: { factId, ...data } }) => storedToExportRelationship({ ...data, key: data.id, id: factId })),
  };
}

async function selectionSource(reader: Reader, req: Omit<ExportRequest, 'lang'>, ids: string[]): Promise<ExportSource & { name: string }> {
  const nodes = (await reader.read('nodes/nodes-by-ids', { ids })).map((r) => storedToExportNode(r.node as Row));
  const rels = await reader.read('nodes/relationships-among', {
    ids: nodes.map((n) => n.id),
    types: req.types ?? null,
    stated: false,
    limit: req.limit,
    ...asOfSpan(req.asOf),
  });
  return {
    name: `selection-${nodes.length}`,
    nodes: nodes.sort((a, b) => a.id.localeCompare(b.id)),
    relationships: rels.map((r) => storedToExportRelationship(r.relationship as Row)),
  };
}

/**
 * The whole graph as recorded at a version: elements changed since take their state (and rev)
 * then, elements added since leave, and elements retired since come back. Nodes keep the
 * stream's id order; ties that come back follow the others (the stream has no order for them).
 */
function rewound(source: ExportSource, rw: Rewind): ExportSource {
  const rev = (kind: string, id: string) => rw.revAt.get(`${kind}:${id}`) ?? 0;
  // The stream comes in id order; nodes that come back are put in their place in it.
  const back = [...rw.nodeAt].flatMap(([, then]) => (then ? [then] : [])).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const node = (then: NodeState) => storedToExportNode(storedNode(then, rev('node', then.id)));
  async function* nodes() {
    let i = 0;
    for await (const n of source.nodes) {
      while (i < back.length && back[i]!.id < n.id) yield node(back[i++]!);
      if (back[i]?.id === n.id) i++;
      if (!rw.nodeAt.has(n.id)) yield n;
      else {
        const then = rw.nodeAt.get(n.id);
        if (then) yield node(then);
      }
    }
    while (i < back.length) yield node(back[i++]!);
  }
  async function* relationships() {
    const seen = new Set<string>();
    for await (const r of source.relationships) {
      const id = String(r.properties.id);
      seen.add(id);
      if (!rw.tieAt.has(id)) yield r;
      else {
        const then = rw.tieAt.get(id);
        if (then) yield storedToExportRelationship(storedTie(then, rev('tie', id)));
      }
    }
    for (const [id, then] of rw.tieAt) if (then && !seen.has(id)) yield storedToExportRelationship(storedTie(then, rev('tie', id)));
  }
  return { nodes: nodes(), relationships: relationships() };
}

/**
 * Rows from Neo4j as an async iterable with a small buffer: the reader pulls, and the
 * database stream waits whenever the buffer is full, so memory stays flat.
 */
function streamAll<T>(
  db: Database,
  name: 'export/all-nodes' | 'export/all-relationships' | 'export/all-nodes.past' | 'export/all-relationships.past',
  column: string,
  convert: (props: Record<string, unknown>) => T,
  params: Record<string, unknown> = {},
): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const buffer: T[] = [];
      const HIGH_WATER = 512;
      const past = name.endsWith('.past');
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
        params,
        async (row) => {
          buffer.push(convert((past ? plain(row[column]) : row[column]) as Record<string, unknown>));
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
