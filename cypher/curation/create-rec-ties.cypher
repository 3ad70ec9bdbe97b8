// Builds the recorded-states layer from the live graph, then ties: an open copy of every live
// tie leaving the batch's nodes (each tie once, from its start), between the identities of its ends.
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $batch
MATCH (n)-[r]->(m:Entity)
MATCH (a:Rec {id: n.id})
MATCH (b:Rec {id: m.id})
CREATE (a)-[c:$(type(r))]->(b)
SET c = properties(r), c.factId = r.id, c.id = null, c.recFrom = $version, c.recTo = 9223372036854775807
RETURN count(c) AS ties
