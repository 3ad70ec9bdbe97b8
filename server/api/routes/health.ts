import type { Router } from 'express';
import { z } from '../../zod.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';
import { databaseUnavailable } from '../../refusal-words.ts';
import { QueryTimeoutError } from '../../errors.ts';

export const Health = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    neo4j: z.object({ version: z.string(), edition: z.string() }),
    counts: z.object({ nodes: z.number(), relationships: z.number() }),
  })
  .openapi('Health');

export function healthRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/health',
    tag: 'system',
    summary: 'Whether the API and its database answer',
    public: true,
    description: '200 with the Neo4j version and graph counts; 503 when Neo4j cannot be reached.',
    response: { description: 'Healthy', schema: Health },
    handler: async (_input, { services: { db, version } }) => {
      // A database that cannot answer this in 3 s is not healthy: 503 with a retry hint, as a
      // load balancer reads it, not the 408 "ask a narrower question" of a slow read (right
      // after a restart Neo4j's first queries are slow).
      const [[component], [counts]] = await Promise.all([
        db.read('health/components', {}, { timeoutMs: 3000 }),
        db.read('health/counts', {}, { timeoutMs: 3000 }),
      ]).catch((err: unknown) => {
        throw err instanceof QueryTimeoutError ? databaseUnavailable('transient') : err;
      });
      if (!component || !counts) throw databaseUnavailable('no-answer');
      return {
        status: 'ok' as const,
        version,
        neo4j: { version: String(component.version), edition: String(component.edition) },
        counts: { nodes: Number(counts.nodes), relationships: Number(counts.relationships) },
      };
    },
  });
}
