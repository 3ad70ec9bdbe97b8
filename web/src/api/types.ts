// The API's response shapes as the web app reads them: every one is the server's zod schema
// (server/api/answer-types.ts, `z.infer` of the schemas the routes validate and document),
// imported as a type only. `import type` is erased, so the bundle carries no server code, but a
// changed schema fails the web typecheck. Only what the web adds itself is declared here.
import type {
  AsOfCountsAnswer,
  CitedDocumentAnswer,
  CommonAnswer,
  EdgeDataAnswer,
  ErrorAnswer,
  GraphElementsAnswer,
  GraphSchemaAnswer,
  HealthAnswer,
  MandateChainAnswer,
  MandateHopAnswer,
  NeighborhoodAnswer,
  NodeDataAnswer,
  NodeDetailAnswer,
  PathsAnswer,
  RepresentationAnswer,
  SearchAnswer,
  SummaryAnswer,
} from '../../../server/api/answer-types.ts';
import type { NodeLabel, RelationshipType } from '../../../server/model/vocabulary.ts';

export type { NodeLabel, RelationshipType };
export type Certainty = 'stated' | 'hedged' | 'inferred';
export type Direction = 'in' | 'out' | 'both';
export type ChainDirection = 'up' | 'down';
export type { ExportFormat } from '../../../server/export/formats.ts';

/** A node as the API sends it, plus the original name the web keeps when it puts `name` in English (i18n/localiseNames). */
export type NodeData = NodeDataAnswer & { nameOriginal?: string };

/** A relationship as the API sends it. */
export type EdgeData = EdgeDataAnswer;

/** Elements as the API sends them; the web's own nodes may carry `nameOriginal`. */
export interface GraphElements {
  nodes: Array<{ data: NodeData }>;
  edges: Array<{ data: EdgeData }>;
}

export type Health = HealthAnswer;
export type GraphSchema = GraphSchemaAnswer;
export type SearchResult = SearchAnswer;
export type SearchHit = SearchResult['hits'][number];
export type NodeDetail = NodeDetailAnswer;
export type Neighborhood = NeighborhoodAnswer;
/** An as-of answer's three counted groups. */
export type AsOfCounts = AsOfCountsAnswer;
export type PathsResult = PathsAnswer;
export type MandateHop = MandateHopAnswer;
export type MandateChain = MandateChainAnswer;
/** The answer of "Who represents…". */
export type RepresentationResult = RepresentationAnswer;
/** One row of "Who represents…". */
export type Representation = RepresentationResult['representations'][number];
export type CommonResult = CommonAnswer;
/** The answer in plain sentences, with its citations and the documents they name. */
export type Summary = SummaryAnswer;
export type CitedDocument = CitedDocumentAnswer;
export type ErrorBody = ErrorAnswer;

/** POST /api/export with format "cytoscape": what cy.json() reads (a file, so no JSON schema of its own). */
export interface CytoscapeExport {
  elements: GraphElementsAnswer;
}
