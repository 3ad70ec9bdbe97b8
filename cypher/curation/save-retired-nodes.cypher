// Retires nodes without deleting them: they leave :Entity and their type label, so no read of
// the current graph meets them, and keep every property with when and why they were retired.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
REMOVE n:Entity
REMOVE n:$(n.label)
SET n:Retired
SET n.retiredIn = $version, n.retiredReason = row.reason, n.rev = $version
RETURN count(n) AS nodes
