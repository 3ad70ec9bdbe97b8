// The live nodes whose own facts cite a document (any entry of `sources` starting with "FILE#").
MATCH (n:Entity)
WHERE n.sources IS NOT NULL AND any(s IN n.sources WHERE s STARTS WITH $prefix)
RETURN n.id AS id, properties(n) AS props
ORDER BY n.id
