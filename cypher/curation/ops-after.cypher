// The operations of every change set after a version, newest first: an answer read from the
// current graph is taken back to that version by undoing them in this order.
MATCH (c:ChangeSet)
WHERE c.version > $version
MATCH (c)-[:HAS_OP]->(o:Op)
RETURN o {.*} AS op
ORDER BY o.version DESC, o.seq DESC
