// The live ties that cite a document (any entry of `sources` starting with "FILE#"), with their
// ends and forum for saying which fact it is in words.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.sources IS NOT NULL AND any(s IN r.sources WHERE s STARTS WITH $prefix)
OPTIONAL MATCH (f:Entity {id: r.forum})
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props,
       properties(a) AS fromNode, properties(b) AS toNode, properties(f) AS forumNode
ORDER BY r.id
