// Removes up to $limit entities whose id starts with $prefix, with their relationships: how
// tests and benchmarks take back a synthetic graph loaded beside the seed. The caller repeats
// until nothing is left, so no transaction grows with the graph.
MATCH (n:Entity)
WHERE n.id STARTS WITH $prefix
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
