// GraphML as an XML parser reads it: values with markup characters, characters XML 1.0
// forbids, lists and properties outside the model's keys. Python's standard-library parser
// reads the file, as Gephi's and networkx's would.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { writeGraphml, type ExportSource } from '../../server/export/formats.ts';

async function graphml(source: ExportSource): Promise<string> {
  let text = '';
  await writeGraphml(source, { write: async (chunk) => void (text += chunk) });
  return text;
}

/** Every node's and edge's data as {key: value}, read with xml.etree. */
function parse(text: string): { nodes: Record<string, Record<string, string>>; edges: Array<Record<string, string>> } {
  const script = `
import json, sys, xml.etree.ElementTree as ET
ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}
root = ET.fromstring(sys.stdin.read())
keys = {k.get('id'): k.get('attr.name') for k in root.findall('g:key', ns)}
data = lambda el: {keys[d.get('key')]: d.text or '' for d in el.findall('g:data', ns)}
graph = root.find('g:graph', ns)
print(json.dumps({
  'nodes': {n.get('id'): data(n) for n in graph.findall('g:node', ns)},
  'edges': [dict(data(e), source=e.get('source'), target=e.get('target')) for e in graph.findall('g:edge', ns)],
}))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text, encoding: 'utf8' }));
}

describe('GraphML export', () => {
  it('escapes markup, drops characters XML forbids, and keeps plain values as they are', async () => {
    const text = await graphml({
      nodes: [
        {
          id: 'a-and-b',
          label: 'Agency',
          properties: { name: 'Health & Care <"Board">', aliases: ['A&B', 'AB'], evidence: 'bell\u0007 here', extra: 'kept' },
        },
        { id: 'plain', label: 'Ministry', properties: { name: 'Ministry of Health' } },
      ],
      relationships: [{ type: 'MANDATES', start: 'plain', end: 'a-and-b', properties: { key: 'k1', task: 'Report > annually' } }],
    });
    const { nodes, edges } = parse(text);
    expect(nodes['a-and-b']).toMatchObject({
      label: 'Agency',
      name: 'Health & Care <"Board">',
      aliases: 'A&B; AB',
      evidence: 'bell here',
      properties: JSON.stringify({ extra: 'kept' }),
    });
    expect(nodes.plain).toEqual({ label: 'Ministry', name: 'Ministry of Health' });
    expect(edges).toEqual([{ source: 'plain', target: 'a-and-b', type: 'MANDATES', key: 'k1', task: 'Report > annually' }]);
  });
});
