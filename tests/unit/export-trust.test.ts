// Exports keep what a fact rests on: certainty, hedge, inferredFrom, outsideKnowledge, the
// basis fields, scope, the fact id and attested travel in every format as named properties
// (not in the catch-all JSON column), and derived helpers (attestedDate, timeStatus) stay out.
import { describe, expect, it } from 'vitest';
import {
  CSV_NODE_COLUMNS,
  CSV_RELATIONSHIP_COLUMNS,
  csvHeader,
  nodeCsvLine,
  relationshipCsvLine,
  storedToExportNode,
  storedToExportRelationship,
  writeCypher,
  writeCytoscape,
  writeGraphml,
  writeJson,
  type ExportSource,
} from '../../server/export/formats.ts';

const node = storedToExportNode({
  id: 'gov',
  label: 'Government',
  name: 'Regeringen',
  certainty: 'inferred',
  outsideKnowledge: 'outside knowledge: the cabinet acts for the state',
  inferredFrom: ['part-of-x'],
  attested: '2024',
  attestedDate: '2024-01-01',
});
const rel = storedToExportRelationship({
  type: 'REPRESENTS',
  source: 'gov',
  target: 'gov',
  key: 'k1',
  id: 'represents-board-sweden-forums',
  forum: 'main-forums',
  scope: 'some',
  capacity: 'government',
  certainty: 'hedged',
  hedge: 'i vissa fall (in some cases)',
  basisKind: 'mandate',
  basisRef: 'mandates-gov-board-x',
  basisNote: 'the 2023 assignment',
  basisCertainty: 'stated',
  attested: '2024',
  attestedDate: '2024-01-01',
  timeStatus: 'undated',
});
const source = (): ExportSource => ({ nodes: [node], relationships: [rel] });
const TRUST = {
  id: 'represents-board-sweden-forums',
  scope: 'some',
  certainty: 'hedged',
  hedge: 'i vissa fall (in some cases)',
  basisKind: 'mandate',
  basisRef: 'mandates-gov-board-x',
  basisNote: 'the 2023 assignment',
  basisCertainty: 'stated',
  attested: '2024',
};

async function text(write: (s: ExportSource, sink: { write(c: string): Promise<void> }) => Promise<void>): Promise<string> {
  let out = '';
  await write(source(), { write: async (c) => void (out += c) });
  return out;
}

describe('exports keep certainty and basis', () => {
  it('JSON carries every trust property and none of the derived ones', async () => {
    const json = JSON.parse(await text(writeJson));
    expect(json.relationships[0].properties).toMatchObject({ ...TRUST, key: 'k1' });
    expect(json.relationships[0].properties).not.toHaveProperty('attestedDate');
    expect(json.relationships[0].properties).not.toHaveProperty('timeStatus');
    expect(json.nodes[0].properties).toMatchObject({
      certainty: 'inferred',
      outsideKnowledge: 'outside knowledge: the cabinet acts for the state',
      inferredFrom: ['part-of-x'],
    });
  });

  it('Cytoscape JSON keeps the element id as the key and the fact id as factId', async () => {
    const cy = JSON.parse(await text(writeCytoscape));
    const { id: factId, ...rest } = TRUST;
    expect(cy.elements.edges[0].data).toMatchObject({ ...rest, factId, id: 'k1' });
  });

  it('GraphML has a typed key for each trust property', async () => {
    const xml = await text(writeGraphml);
    for (const k of ['certainty', 'hedge', 'inferredFrom', 'outsideKnowledge', 'attested'])
      expect(xml).toContain(`<key id="n_${k}" for="node"`);
    for (const k of Object.keys(TRUST)) expect(xml).toContain(`<key id="e_${k}" for="edge"`);
    expect(xml).toContain('<data key="e_basisRef">mandates-gov-board-x</data>');
    expect(xml).toContain('<data key="e_hedge">i vissa fall (in some cases)</data>');
    expect(xml).toContain('<data key="n_inferredFrom">part-of-x</data>');
    expect(xml).not.toContain('attestedDate');
  });

  it('CSV has a column for each trust property', () => {
    const header = csvHeader(CSV_RELATIONSHIP_COLUMNS).trim().split(',');
    const line = relationshipCsvLine(rel).trim().split(',');
    const row = Object.fromEntries(header.map((h, i) => [h, line[i]]));
    expect(row).toMatchObject({
      id: TRUST.id,
      certainty: 'hedged',
      basisKind: 'mandate',
      basisRef: TRUST.basisRef,
      scope: 'some',
      attested: '2024',
    });
    expect(row.properties).toBe('');
    const nodeHeader = csvHeader(CSV_NODE_COLUMNS).trim().split(',');
    const nodeRow = Object.fromEntries(nodeHeader.map((h, i) => [h, nodeCsvLine(node).trim().split(',')[i]]));
    expect(nodeRow).toMatchObject({ certainty: 'inferred', 'inferredFrom:string[]': 'part-of-x', attested: '2024' });
  });

  it('the Cypher script recreates the properties and the attested date for as-of answers', async () => {
    const script = await text((s, sink) => writeCypher(s, sink, []));
    expect(script).toContain("basisRef: 'mandates-gov-board-x'");
    expect(script).toContain("id: 'represents-board-sweden-forums'");
    expect(script).toContain("r.attestedDate = date('2024-01-01')");
    expect(script).not.toContain('timeStatus');
  });
});
