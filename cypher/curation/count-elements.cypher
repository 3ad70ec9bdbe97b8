// Whether the store holds any element, live or retired. A restore into a store without any is
// loaded in batches: one transaction for a whole large graph outgrows Neo4j's memory.
OPTIONAL MATCH (n:Entity)
WITH count(n) AS live
OPTIONAL MATCH (r:Retired)
WITH live, count(r) AS retired
OPTIONAL MATCH (t:RetiredTie)
RETURN live, retired, count(t) AS retiredTies
