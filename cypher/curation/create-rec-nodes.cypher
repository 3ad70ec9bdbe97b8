// Builds the recorded-states layer from the live graph, nodes first: an open copy of each live
// node with an id in the batch's range (ids in order, so batches never overlap), valid from $version.
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $batch
CREATE (c:Rec)
SET c = properties(n), c.recFrom = $version, c.recTo = 9223372036854775807
RETURN count(c) AS nodes, max(n.id) AS last
