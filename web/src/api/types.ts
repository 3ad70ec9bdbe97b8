// The API's response shapes as the web app reads them. Nodes, relationships, errors, labels
// and types come from the server's zod schemas and vocabulary as types only (`import type`
// is erased), so the bundle carries no server code but a changed schema fails the web
// typecheck. The answer shapes are declared in the server's route files, which do not export
// them; they are written out here until they move to server/api/schemas.ts.
import type { z } from 'zod';
import type { EdgeData as EdgeDataSchema, ErrorBody as ErrorBodySchema, NodeData as NodeDataSchema } from '../../../server/api/schemas.ts';
import type { NodeLabel, RelationshipType } from '../../../server/model/vocabulary.ts';
import type { AsOfCountsSchema } from '../../../server/api/as-of-schema.ts';
import type { RepresentationAnswer } from '../../../server/api/routes/representation.ts';

export type { NodeLabel, RelationshipType };
export type Certainty = 'stated' | 'hedged' | 'inferred';
export type Direction = 'in' | 'out' | 'both';
export type ChainDirection = 'up' | 'down';
export type { ExportFormat } from '../../../server/export/formats.ts';

/** A node as the API sends it: the server's zod schema, plus the fields its catch-all carries. */
export type NodeData = z.infer<typeof NodeDataSchema> &
  TrustFields & {
    validFrom?: string;
    validTo?: string;
    /** The original name, kept when `name` is put in English (i18n/localiseNames). */
    nameOriginal?: string;
  };

/** A relationship as the API sends it: the server's zod schema, plus its known qualifiers. */
export type EdgeData = z.infer<typeof EdgeDataSchema> &
  TrustFields & {
    forum?: string;
    capacity?: string;
    task?: string;
    subject?: string;
    role?: string;
    principal?: string;
    agreement?: string;
    chain?: string;
    step?: number;
  };

export interface GraphElements {
  nodes: Array<{ data: NodeData }>;
  edges: Array<{ data: EdgeData }>;
}

export interface Health {
  status: 'ok';
  version: string;
  neo4j: { version: string; edition: string };
  counts: { nodes: number; relationships: number };
}

export interface GraphSchema {
  labels: Array<{ label: NodeLabel; description: string; count: number }>;
  relationshipTypes: Array<{
    type: RelationshipType;
    description: string;
    example: string;
    from: NodeLabel[];
    to: NodeLabel[];
    qualifiers: string[];
    count: number;
  }>;
  representationCapacities: string[];
}

export interface SearchHit {
  id: string;
  label: NodeLabel;
  name: string;
  nameEn: string | null;
  aliases: string[];
  description: string;
  score: number;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
}

export interface NodeDetail {
  node: NodeData;
  degree: Array<{ type: RelationshipType; direction: 'in' | 'out'; count: number }>;
}

export interface Neighborhood extends GraphElements {
  truncated: boolean;
  omitted: { relationships: number };
}

/** An as-of answer's three counted groups (the server's AsOfCounts). */
export type AsOfCounts = z.infer<typeof AsOfCountsSchema>;

export interface PathsResult {
  summary?: Summary;
  /** As of a date: the first route's steps held then and with dates not given. */
  asOf?: AsOfCounts | null;
  from: NodeData;
  to: NodeData;
  paths: Array<{ nodes: NodeData[]; relationships: EdgeData[] }>;
  elements: GraphElements;
}

export interface MandateHop {
  level: number;
  from: string;
  to: string;
  relationship: EdgeData;
  node: NodeData;
  /** The basis in words, in the language asked for; null when the hop names none. */
  basisText?: string | null;
}

export interface MandateChain {
  summary?: Summary;
  /** As of a date: the chain's steps held then, with dates not given, and not valid then. */
  asOf?: AsOfCounts | null;
  root: NodeData;
  direction: ChainDirection;
  hops: MandateHop[];
  elements: GraphElements;
  truncated: boolean;
}

/** One row of "Who represents…", as the server's schema declares it. */
export type Representation = RepresentationResult['representations'][number];

/** The answer in one plain sentence, with its citations (the trust model's `summary`). */
export interface Summary {
  text: string;
  citations: string[];
  /** The documents cited, named as a reader names them (short title and year), for the list below the answer. */
  documents?: CitedDocument[];
}

export interface CitedDocument {
  file: string;
  name: string;
  title: string | null;
  publisher: string | null;
  written: string | null;
}

/** How sure a fact is, and for undated facts in an as-of answer, what the dates say. */
export interface TrustFields {
  certainty?: 'stated' | 'hedged' | 'inferred';
  hedge?: string;
  inferredFrom?: string[];
  outsideKnowledge?: string;
  timeStatus?: 'valid' | 'attested' | 'undated';
  attested?: string;
  /** A change still to come, recorded as planned (issue 21): shown as planned, never as held. */
  planned?: boolean;
  /** Source watch (issue 21): the cited lines changed in a newer text of the document. */
  review?: string;
  sourceChanged?: boolean;
}

/** The answer of "Who represents…": the server's schema (server/api/routes/representation.ts), as a type only. */
export type RepresentationResult = RepresentationAnswer;

export interface CommonResult {
  summary?: Summary;
  a: NodeData;
  b: NodeData;
  shared: Array<{ node: NodeData; fromA: EdgeData[]; fromB: EdgeData[] }>;
  elements: GraphElements;
}

/** POST /api/export with format "cytoscape": what cy.json() reads. */
export interface CytoscapeExport {
  elements: GraphElements;
}

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
