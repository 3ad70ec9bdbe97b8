import type { Router } from 'express';
import { z } from '../../zod.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';
import { databaseUnavailable } from '../../refusal-words.ts';

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
      const [[component], [counts]] = await Promise.all([
        db.read('health/components', {}, { timeoutMs: 3000 }),
        db.read('health/counts', {}, { timeoutMs: 3000 }),
      ]);
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
