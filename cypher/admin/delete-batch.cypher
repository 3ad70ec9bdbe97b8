// Removes up to $batch entities with their relationships; restore calls it until nothing is
// left, so wiping a large graph never needs one huge transaction.
MATCH (n:Entity)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
