// One change set with its operations in the order they were applied.
MATCH (c:ChangeSet {id: $id})
OPTIONAL MATCH (c)-[:HAS_OP]->(o:Op)
WITH c, o
ORDER BY o.seq
RETURN c {.*} AS changeSet, collect(o {.*}) AS ops
