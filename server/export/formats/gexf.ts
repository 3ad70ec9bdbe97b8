// GEXF 1.3 (Gephi's own format) as a dynamic graph: each fact with dates gets a spell from
// the first day of validFrom to the last day of validTo, so Gephi's timeline replays the
// as-of history. A fact with no dates but an `attested` date (the earliest document that
// reports it) starts at that date with an open end, as the as-of answers treat it; a fact with
// neither has no spell and is shown at every time, and says so in `timeStatus`.
import type { ExportSource, TextSink } from '../formats.ts';
import { extraProperties, factId, firstDayOf, lastDayOf, NODE_FIELDS, RELATIONSHIP_FIELDS, trustOf } from './facts.ts';
import { xml } from '../xml.ts';

type AttrType = 'string' | 'integer' | 'liststring';

const NODE_ATTRS: Array<[string, AttrType]> = [
  ['label', 'string'],
  ['name', 'string'],
  ['nameEn', 'string'],
  ['aliases', 'liststring'],
  ['description', 'string'],
  ['validFrom', 'string'],
  ['validTo', 'string'],
  ['certainty', 'string'],
  ['hedge', 'string'],
  ['inferredFrom', 'liststring'],
  ['outsideKnowledge', 'string'],
  ['attested', 'string'],
  ['sources', 'liststring'],
  ['evidence', 'string'],
  ['properties', 'string'],
];

const EDGE_ATTRS: Array<[string, AttrType]> = [
  ['type', 'string'],
  ['factId', 'string'],
  ['validFrom', 'string'],
  ['validTo', 'string'],
  ['timeStatus', 'string'],
  ['attested', 'string'],
  ['forum', 'string'],
  ['capacity', 'string'],
  ['principal', 'string'],
  ['scope', 'string'],
  ['role', 'string'],
  ['task', 'string'],
  ['subject', 'string'],
  ['agreement', 'string'],
  ['chain', 'string'],
  ['step', 'integer'],
  ['basisKind', 'string'],
  ['basisRef', 'string'],
  ['basisNote', 'string'],
  ['basisCertainty', 'string'],
  ['certainty', 'string'],
  ['hedge', 'string'],
  ['inferredFrom', 'liststring'],
  ['outsideKnowledge', 'string'],
  ['sources', 'liststring'],
  ['evidence', 'string'],
  ['properties', 'string'],
];

function value(v: unknown, type: AttrType): string {
  // GEXF 1.3 writes list values as "[a, b]"; a comma inside an item would split it, so it is
  // replaced, like GraphML's "; " joins do.
  if (type === 'liststring') return `[${(Array.isArray(v) ? v : [v]).map((x) => String(x).replace(/[,[\]]/g, ' ')).join(', ')}]`;
  return String(v);
}

function attvalues(attrs: Array<[string, AttrType]>, props: Record<string, unknown>): string {
  let out = '';
  attrs.forEach(([k, t], i) => {
    const v = props[k];
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return;
    out += `<attvalue for="${i}" value="${xml(value(v, t))}"/>`;
  });
  return out ? `<attvalues>${out}</attvalues>` : '';
}

function spell(from: string | undefined, to: string | undefined): string {
  if (!from && !to) return '';
  return `<spells><spell${from ? ` start="${from}"` : ''}${to ? ` end="${to}"` : ''}/></spells>`;
}

export async function writeGexf(source: ExportSource, sink: TextSink): Promise<void> {
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
      '  <meta><creator>Mandate Explorer</creator><description>Institutions and the ties between them, with the validity dates of each fact as spells</description></meta>\n' +
      '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">\n',
  );
  await sink.write('    <attributes class="node" mode="static">\n');
  for (const [i, [k, t]] of NODE_ATTRS.entries()) await sink.write(`      <attribute id="${i}" title="${k}" type="${t}"/>\n`);
  await sink.write('    </attributes>\n    <attributes class="edge" mode="static">\n');
  for (const [i, [k, t]] of EDGE_ATTRS.entries()) await sink.write(`      <attribute id="${i}" title="${k}" type="${t}"/>\n`);
  await sink.write('    </attributes>\n    <nodes>\n');
  for await (const n of source.nodes) {
    const trust = trustOf(n.properties);
    const extra = extraProperties(n.properties, NODE_FIELDS);
    const props = {
      ...n.properties,
      label: n.label,
      certainty: trust.certainty,
      properties: Object.keys(extra).length ? JSON.stringify(extra) : null,
    };
    const name = String(n.properties.nameEn ?? n.properties.name ?? n.id);
    await sink.write(
      `      <node id="${xml(n.id)}" label="${xml(name)}">${attvalues(NODE_ATTRS, props)}${spell(
        firstDayOf(n.properties.validFrom),
        lastDayOf(n.properties.validTo),
      )}</node>\n`,
    );
  }
  await sink.write('    </nodes>\n    <edges>\n');
  for await (const r of source.relationships) {
    const trust = trustOf(r.properties);
    const id = factId(r);
    const from = firstDayOf(r.properties.validFrom);
    const to = lastDayOf(r.properties.validTo);
    const attested = from || to ? undefined : firstDayOf(r.properties.attested);
    const extra = extraProperties(r.properties, RELATIONSHIP_FIELDS);
    const props = {
      ...r.properties,
      type: r.type,
      factId: id,
      certainty: trust.certainty,
      timeStatus: from || to ? 'dated' : attested ? 'attested' : 'undated',
      properties: Object.keys(extra).length ? JSON.stringify(extra) : null,
    };
    await sink.write(
      `      <edge id="${xml(id)}" source="${xml(r.start)}" target="${xml(r.end)}" label="${r.type}">${attvalues(EDGE_ATTRS, props)}${spell(
        from ?? attested,
        to,
      )}</edge>\n`,
    );
  }
  await sink.write('    </edges>\n  </graph>\n</gexf>\n');
}
