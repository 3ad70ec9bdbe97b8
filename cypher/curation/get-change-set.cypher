// One change set with a page of its operations in the order they were applied (a seed load
// has one per element, so they come in pages).
MATCH (c:ChangeSet {id: $id})
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_OP]->(o:Op)
  WITH o
  ORDER BY o.seq
  SKIP $offset
  LIMIT $limit
  RETURN collect(o {.*}) AS ops
}
RETURN c {.*} AS changeSet, ops
