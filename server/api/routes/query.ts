import type { ZodOpenAPIMetadata } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { z } from '../../zod.ts';
import { checkConsoleQuery, checkPlanIsReadOnly } from '../../graph/console-guard.ts';
import { elementsIn } from '../../graph/console-elements.ts';
import { GraphElementsSchema } from '../schemas.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';
import { statementRefused } from '../../refusal-words.ts';

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
        const reason = verdict.reason ?? 'refused';
        throw statementRefused('writes', [{ path: 'body.cypher', message: reason }]);
      }
      const plan = await planCheck(db, body.cypher, body.params);
      if (!plan.ok) {
        throw statementRefused('not-read', [{ path: 'body.cypher', message: plan.reason ?? 'not read-only' }]);
      }
      const { rows, truncated } = await db.readText(body.cypher, body.params, {
        rowLimit: config.CONSOLE_ROW_LIMIT,
        timeoutMs: config.QUERY_TIMEOUT_MS,
      });
      return { columns: rows[0] ? Object.keys(rows[0]) : [], rows, truncated, elements: elementsIn(rows) };
    },
  });
}
