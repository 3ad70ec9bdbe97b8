// JSON-LD and Turtle writers over the same triples (rdf.ts). Each element's triples are
// written as soon as it is read, so a whole-graph export streams; only the label of each node
// is kept, for the ORG class of a relationship's ends.
import { DataFactory, Writer } from 'n3';
import type { ExportSource, TextSink } from '../formats.ts';
import { documentTriples, isIri, NS, nodeTriples, relationshipTriples, type Term, type Triple } from './rdf.ts';

async function eachTripleGroup(source: ExportSource, emit: (triples: Triple[]) => Promise<void>): Promise<void> {
  const labels = new Map<string, string>();
  for (const d of (await source.documents?.()) ?? []) await emit(documentTriples(d));
  for await (const n of source.nodes) {
    labels.set(n.id, n.label);
    await emit(nodeTriples(n));
  }
  for await (const r of source.relationships) await emit(relationshipTriples(r, (id) => labels.get(id)));
}

// ----------------------------------------------------------------------------- Turtle

function toN3(t: Term) {
  if (isIri(t)) return DataFactory.namedNode(t.iri);
  if (t.language) return DataFactory.literal(t.value, t.language);
  return DataFactory.literal(t.value, t.datatype ? DataFactory.namedNode(t.datatype) : undefined);
}

export async function writeTurtle(source: ExportSource, sink: TextSink): Promise<void> {
  for (const [prefix, ns] of Object.entries(NS)) await sink.write(`@prefix ${prefix}: <${ns}> .\n`);
  await sink.write('\n');
  // N3's writer does the escaping and the prefixed names; statements are written one per line.
  const writer = new Writer({ prefixes: NS });
  await eachTripleGroup(source, async (triples) => {
    const quads = triples.map((t) => DataFactory.quad(DataFactory.namedNode(t.s), DataFactory.namedNode(t.p), toN3(t.o)));
    await sink.write(writer.quadsToString(quads));
  });
}

// ---------------------------------------------------------------------------- JSON-LD

const PREFIXES = Object.entries(NS).sort((a, b) => b[1].length - a[1].length);

function compact(iri: string): string {
  for (const [prefix, ns] of PREFIXES) {
    if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return iri;
}

function jsonValue(t: Term): unknown {
  if (isIri(t)) return { '@id': compact(t.iri) };
  if (t.language) return { '@value': t.value, '@language': t.language };
  if (t.datatype) return { '@value': t.value, '@type': compact(t.datatype) };
  return t.value;
}

/** JSON-LD 1.1 with a context of prefixes only, so every term reads as in the Turtle. */
export async function writeJsonLd(source: ExportSource, sink: TextSink): Promise<void> {
  await sink.write(`{"@context":${JSON.stringify(NS)},\n"@graph":[`);
  let first = true;
  await eachTripleGroup(source, async (triples) => {
    const bySubject = new Map<string, Record<string, unknown[]>>();
    for (const t of triples) {
      let node = bySubject.get(t.s);
      if (!node) bySubject.set(t.s, (node = {}));
      const key = t.p === `${NS.rdf}type` ? '@type' : compact(t.p);
      (node[key] ??= []).push(key === '@type' && isIri(t.o) ? compact(t.o.iri) : jsonValue(t.o));
    }
    for (const [s, props] of bySubject) {
      await sink.write((first ? '\n' : ',\n') + JSON.stringify({ '@id': compact(s), ...props }));
      first = false;
    }
  });
  await sink.write('\n]}\n');
}
