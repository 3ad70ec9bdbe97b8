// What differs between two versions, folded in the database so a diff from version 0 (a seed
// of 100k elements has one Op each) never carries every Op to the server: per element, the
// `before` of its first Op in the span and the `after` of its last. Around a node: its own Ops
// and those of ties with it as an end (a tie's ends never change, so each of its Ops names
// them). Answers the count per kind of change and one page of each, ordered by kind and id.
// An element whose state text differs may still be equal field by field (property order):
// the server drops those from the page, so `changed` counts are an upper bound.
MATCH (c:ChangeSet)
WHERE c.version > $from AND c.version <= $to
MATCH (c)-[:HAS_OP]->(o:Op)
WHERE o.elementKind <> 'source'
  AND ($around IS NULL OR o.elementId = $around
    OR coalesce(o.before, o.after) CONTAINS $fromNeedle OR coalesce(o.before, o.after) CONTAINS $toNeedle)
WITH o
ORDER BY o.version, o.seq
WITH o.elementKind AS kind, o.elementId AS id, collect(o) AS ops
WITH kind, id, ops[0] AS first, ops[-1] AS last
WITH kind, id, first, last,
     CASE
       WHEN first.before IS NULL AND last.after IS NULL THEN null
       WHEN first.before IS NULL THEN 'added'
       WHEN last.after IS NULL THEN 'retired'
       WHEN first.before = last.after THEN null
       ELSE 'changed'
     END AS change
WHERE change IS NOT NULL
WITH change, kind, id, first, last
ORDER BY change, kind, id
WITH change, collect({kind: kind, id: id, first: first, last: last}) AS listed
RETURN change, size(listed) AS total,
       [x IN listed[$offset..($offset + $limit)] | {kind: x.kind, id: x.id, before: x.first.before, after: x.last.after}] AS items
