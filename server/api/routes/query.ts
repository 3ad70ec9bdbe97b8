import type { ZodOpenAPIMetadata } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { z } from '../../zod.ts';
import type { Row } from '../../db/database.ts';
import type { PlainNode, PlainPath, PlainRelationship } from '../../db/values.ts';
import { checkConsoleQuery, checkPlanIsReadOnly } from '../../graph/console-guard.ts';
import { ElementSet } from '../../graph/elements.ts';
import { QueryRejectedError } from '../../errors.ts';
import { GraphElementsSchema } from '../schemas.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Any JSON value; the body size limit bounds it. */
const ParamValue = z.unknown().openapi({ description: 'a JSON value' });

const ConsoleRequest = z
  .object({
    cypher: z.string().trim().min(1, 'write a Cypher statement').max(20_000, 'at most 20,000 characters'),
    params: z
      .record(z.string().regex(PARAM_NAME, 'parameter names are identifiers'), ParamValue)
      .default({})
      // The generator leaves the key schema out of the document; propertyNames (JSON Schema,
      // unknown to the generator's OpenAPI 3.0 types) puts it back.
      .openapi({ propertyNames: { pattern: PARAM_NAME.source } } as ZodOpenAPIMetadata),
  })
  .openapi('ConsoleRequest', {
    example: { cypher: 'MATCH (a:Entity {id: $id})-[r:REPRESENTS]->(b) RETURN a, r, b', params: { id: 'socialstyrelsen' } },
  });

const ConsoleResult = z
  .object({
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.unknown())),
    truncated: z.boolean(),
    elements: GraphElementsSchema,
  })
  .openapi('ConsoleResult');

export function queryRoutes(router: Router, services: Services): void {
  const keywordGuard = services.consoleLayers?.keywordGuard ?? checkConsoleQuery;
  const planCheck = services.consoleLayers?.planCheck ?? checkPlanIsReadOnly;
  defineRoute(router, services, {
    method: 'post',
    path: '/api/query',
    tag: 'console',
    summary: 'Read-only Cypher console',
    description:
      'Runs one statement in a READ transaction with a time limit and a row cap, and returns its rows plus any nodes and relationships in them as graph elements. Writes, schema and administration commands, LOAD CSV, USE and procedures outside a read-only list are refused with 400, and so are statements that could read accounts, tokens or sessions: naming their labels, scanning every node or seeking a node by id (start from labelled nodes, e.g. MATCH (n:Entity)).',
    body: ConsoleRequest,
    errors: {
      400: 'The request is not valid (BAD_REQUEST), or the statement is not one the console runs (QUERY_REJECTED: not Cypher, a write, schema or administration, LOAD CSV, USE, a procedure outside the read-only list, a plan that could reach accounts), or it needed more memory than one transaction may have (QUERY_TOO_LARGE). `details` says what.',
    },
    response: { description: 'Rows and graph elements', schema: ConsoleResult },
    handler: async ({ body }, { services: { db, config } }) => {
      const verdict = keywordGuard(body.cypher);
      if (!verdict.ok) {
        throw new QueryRejectedError(`The console only reads: ${verdict.reason}.`, [
          { path: 'body.cypher', message: verdict.reason ?? 'refused' },
        ]);
      }
      const plan = await planCheck(db, body.cypher, body.params);
      if (!plan.ok) {
        throw new QueryRejectedError(
          `The console only reads the graph: ${plan.reason ?? 'Neo4j does not plan this statement as a read'}.`,
          [{ path: 'body.cypher', message: plan.reason ?? 'not read-only' }],
        );
      }
      const { rows, truncated } = await db.readText(body.cypher, body.params, {
        rowLimit: config.CONSOLE_ROW_LIMIT,
        timeoutMs: config.QUERY_TIMEOUT_MS,
      });
      return { columns: rows[0] ? Object.keys(rows[0]) : [], rows, truncated, elements: elementsIn(rows) };
    },
  });
}

/** Nodes, relationships and paths anywhere in the rows, as elements keyed by entity id. */
function elementsIn(rows: Row[]) {
  const nodes = new Map<string, PlainNode>();
  const rels: PlainRelationship[] = [];
  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(visit);
    const kind = (v as { kind?: unknown }).kind;
    if (kind === 'node') nodes.set((v as PlainNode).elementId, v as PlainNode);
    else if (kind === 'relationship') rels.push(v as PlainRelationship);
    else if (kind === 'path') {
      (v as PlainPath).nodes.forEach(visit);
      (v as PlainPath).relationships.forEach(visit);
    } else Object.values(v).forEach(visit);
  };
  rows.forEach(visit);
  const set = new ElementSet();
  for (const n of nodes.values())
    if (typeof n.properties.id === 'string') set.addNode({ label: n.labels.find((l) => l !== 'Entity') ?? 'Entity', ...n.properties });
  for (const r of rels) {
    const source = nodes.get(r.startElementId)?.properties.id;
    const target = nodes.get(r.endElementId)?.properties.id;
    if (typeof source === 'string' && typeof target === 'string')
      set.addEdge({ ...r.properties, type: r.type, source, target, key: r.properties.key ?? r.elementId });
  }
  return set.toElements();
}
