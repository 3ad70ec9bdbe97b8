// The operations of the change sets after version $from up to and including $to, oldest first:
// a diff takes each element's first `before` and last `after`.
MATCH (c:ChangeSet)
WHERE c.version > $from AND c.version <= $to
MATCH (c)-[:HAS_OP]->(o:Op)
RETURN o {.*} AS op
ORDER BY o.version, o.seq
