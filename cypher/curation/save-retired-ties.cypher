// Retires ties: the live relationship is removed, so traversals of the current graph never
// meet it, and its whole record is kept in a :RetiredTie (and in the change set's Op).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r:$(row.type) {id: row.id}]->(:Entity {id: row.to})
DELETE r
CREATE (t:RetiredTie)
SET t.id = row.id, t.type = row.type, t.from = row.from, t.to = row.to, t.properties = row.properties,
    t.retiredIn = $version, t.retiredReason = row.reason, t.rev = $version
RETURN count(t) AS ties
