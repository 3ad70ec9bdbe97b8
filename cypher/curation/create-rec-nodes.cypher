// Builds the recorded-states layer from the live graph, nodes first: for each live node with an
// id in the batch's range (ids in order, so batches never overlap) its identity and its open
// state, valid from $version.
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $batch
CREATE (:Rec {id: n.id, label: n.label})
CREATE (s:RecState)
SET s = properties(n), s.recFrom = $version, s.recTo = 9223372036854775807
RETURN count(s) AS nodes, max(n.id) AS last
