// Bulk load of relationships whose keys are known to be new: both ends are found by element
// id (the loader learnt them when it created the nodes) and the relationship is created
// without MERGE's look at the start node's existing ties, which is what makes MERGE slow on
// hubs with many thousands of them. Seeking by element id instead of through the entity_id
// index: relationships/s ×1.14 at 1M nodes (31.7k → 36.1k).
//
// The batch arrives as one string: records separated by U+001E, fields by U+001F, list items
// by U+001D (control characters no seed value may hold). Packing one string costs the driver
// almost nothing, where packing a map per row cost more CPU than Neo4j's write itself.
// Fields: type, from, to (element ids; an empty one matches nothing), key, sources, evidence,
// certainty, validFrom, validTo, validFromDay, validToDay, forum, capacity, principal, task, role,
// subject, agreement, chain, step, id, hedge, inferredFrom, outsideKnowledge, scope, basisKind,
// basisRef, basisNote, basisCertainty.
// An empty field sets nothing. Rows whose ends are missing create nothing; the returned count
// tells the loader how many did.
UNWIND split($text, '\u001E') AS line
WITH split(line, '\u001F') AS c
MATCH (a) WHERE elementId(a) = c[1]
MATCH (b) WHERE elementId(b) = c[2]
CREATE (a)-[r:$(c[0])]->(b)
SET r.key = c[3], r.sources = split(c[4], '\u001D'), r.evidence = c[5], r.certainty = c[6],
    r.validFrom = nullIf(c[7], ''), r.validTo = nullIf(c[8], ''),
    r.validFromDate = date(nullIf(c[9], '')), r.validToDate = date(nullIf(c[10], '')),
    r.forum = nullIf(c[11], ''), r.capacity = nullIf(c[12], ''), r.principal = nullIf(c[13], ''),
    r.task = nullIf(c[14], ''), r.role = nullIf(c[15], ''), r.subject = nullIf(c[16], ''),
    r.agreement = nullIf(c[17], ''), r.chain = nullIf(c[18], ''), r.step = toInteger(nullIf(c[19], '')),
    r.id = c[20], r.hedge = nullIf(c[21], ''),
    r.inferredFrom = CASE c[22] WHEN '' THEN null ELSE split(c[22], '\u001D') END,
    r.outsideKnowledge = nullIf(c[23], ''), r.scope = nullIf(c[24], ''), r.basisKind = nullIf(c[25], ''),
    r.basisRef = nullIf(c[26], ''), r.basisNote = nullIf(c[27], ''), r.basisCertainty = nullIf(c[28], '')
RETURN count(r) AS relationships
