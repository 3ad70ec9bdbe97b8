// The operations on the given elements recorded after a version, oldest first, with their
// change sets: what stands between a change set and its revert, and who made it.
UNWIND $ids AS id
MATCH (o:Op {elementId: id})
WHERE o.version > $version
MATCH (c:ChangeSet)-[:HAS_OP]->(o)
RETURN o {.*} AS op, c {.*} AS changeSet
ORDER BY o.version, o.seq
