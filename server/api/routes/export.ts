import type { Router } from 'express';
import { DatabaseUnavailableError } from '../../errors.ts';
import { FORMAT_INFO } from '../../export/formats.ts';
import { ExportRequest, exportSource } from '../../export/subgraph.ts';
import { writeExport } from '../../export/write.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

export function exportRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'post',
    path: '/api/export',
    tag: 'export',
    summary: 'A subgraph as a file: JSON, Cytoscape JSON, GraphML, CSV (zip), Cypher, FollowTheMoney, Popolo, JSON-LD, Turtle or GEXF',
    description:
      'Streams; Content-Disposition names the file. `csv` is a zip of nodes.csv and relationships.csv with neo4j-admin import headers; `cypher` recreates the subgraph in an empty Neo4j; `graphml` opens in Gephi, yEd and networkx. The standards: `ftm` (FollowTheMoney entities as JSON lines), `popolo` (Popolo JSON), `jsonld` and `turtle` (W3C ORG + PROV-O), `gexf` (GEXF 1.3 with spells from the validity dates); docs/formats.md says what each keeps and loses.',
    // The request's refinement (ids or root, not both) is invisible to the generated schema;
    // `not` says it in JSON Schema, so clients and the contract check see the same rule.
    body: ExportRequest.openapi({ not: { required: ['ids', 'root'] }, example: { format: 'graphml', root: 'socialstyrelsen', depth: 1 } }),
    errors: { 404: 'No node with the id given as `root`.' },
    response: {
      description:
        'The file. With `recordedAt`, the header X-Recorded-At carries {version, at, undone} as JSON and the file name ends in -v<version>.',
      contentTypes: Object.values(FORMAT_INFO).map((f) => f.contentType),
    },
    handler: async ({ body }, { res, services: { db } }) => {
      const source = await exportSource(db, body);
      const info = FORMAT_INFO[body.format];
      const day = new Date().toISOString().slice(0, 10);
      const recorded = source.recordedAt ? `-v${source.recordedAt.version}` : '';
      const file = `mandate-explorer-${source.name}${recorded}${body.asOf ? `-asof-${body.asOf}` : ''}-${day}.${info.extension}`;
      res.status(200);
      res.setHeader('Content-Type', info.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
      res.setHeader('X-Export-Filename', file);
      // A file has no place of its own for it, so the answer's recordedAt travels as a header.
      if (source.recordedAt) res.setHeader('X-Recorded-At', JSON.stringify(source.recordedAt));
      try {
        await writeExport(body.format, source, res);
        await source.settled?.();
      } catch (err) {
        // Headers are gone; all we can do is cut the stream so the client sees it incomplete.
        res.destroy(err instanceof Error ? err : new DatabaseUnavailableError('export interrupted'));
        return undefined;
      }
      res.end();
      return undefined;
    },
  });
}
