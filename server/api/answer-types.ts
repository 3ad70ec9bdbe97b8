// The API's answers as TypeScript types: `z.infer` of the response schemas the routes validate
// and document, so there is one definition of each shape. The web app imports these as types
// only (`import type`, erased by the build), so no server code reaches its bundle, but a
// changed schema fails its typecheck.
import type { z } from 'zod';
import type { AsOfCountsSchema } from './as-of-schema.ts';
import type { EdgeData, ErrorBody, GraphElementsSchema, NodeData, SummarySchema } from './schemas.ts';
import type { ChangeLog, CurrentVersion, ElementHistory } from './routes/changes.ts';
import type { DiffAnswer, DiffItem, View, ViewWithChanges } from './routes/diffs.ts';
import type { Health } from './routes/health.ts';
import type { Common, MandateChain, MandateHop, Neighborhood, NodeDetail } from './routes/nodes.ts';
import type { Paths } from './routes/paths.ts';
import type { GraphSchema } from './routes/schema.ts';
import type { SearchResult } from './routes/search.ts';
import type { SessionState, SessionUser, SignedIn } from './routes/session.ts';
import type { SourceLines, SourceList } from './routes/sources.ts';
import type { DocumentRefSchema } from '../graph/documents.ts';

export type NodeDataAnswer = z.infer<typeof NodeData>;
export type EdgeDataAnswer = z.infer<typeof EdgeData>;
export type GraphElementsAnswer = z.infer<typeof GraphElementsSchema>;
export type ErrorAnswer = z.infer<typeof ErrorBody>;
export type SummaryAnswer = z.infer<typeof SummarySchema>;
export type CitedDocumentAnswer = z.infer<typeof DocumentRefSchema>;
export type AsOfCountsAnswer = z.infer<typeof AsOfCountsSchema>;

export type HealthAnswer = z.infer<typeof Health>;
export type GraphSchemaAnswer = z.infer<typeof GraphSchema>;
export type SearchAnswer = z.infer<typeof SearchResult>;
export type NodeDetailAnswer = z.infer<typeof NodeDetail>;
export type NeighborhoodAnswer = z.infer<typeof Neighborhood>;
export type MandateHopAnswer = z.infer<typeof MandateHop>;
export type MandateChainAnswer = z.infer<typeof MandateChain>;
export type CommonAnswer = z.infer<typeof Common>;
export type PathsAnswer = z.infer<typeof Paths>;
export type { RepresentationAnswer } from './routes/representation.ts';

export type SessionUserAnswer = z.infer<typeof SessionUser>;
export type SessionAnswer = z.infer<typeof SessionState>;
export type SignedInAnswer = z.infer<typeof SignedIn>;
export type ChangeLogAnswer = z.infer<typeof ChangeLog>;
export type ElementHistoryAnswer = z.infer<typeof ElementHistory>;
export type CurrentVersionAnswer = z.infer<typeof CurrentVersion>;
export type DiffItemAnswer = z.infer<typeof DiffItem>;
export type DiffAnswerBody = z.infer<typeof DiffAnswer>;
export type SavedViewAnswer = z.infer<typeof View>;
export type SavedViewWithChangesAnswer = z.infer<typeof ViewWithChanges>;
export type SourceListAnswer = z.infer<typeof SourceList>;
export type SourceLinesAnswer = z.infer<typeof SourceLines>;
