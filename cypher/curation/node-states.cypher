// The stored state of nodes by id, live (:Entity) or retired (:Retired); unknown ids are absent.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (r:Retired {id: id})
WITH id, coalesce(e, r) AS n
WHERE n IS NOT NULL
RETURN id, n:Retired AS retired, properties(n) AS props
