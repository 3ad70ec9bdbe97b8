// nodes/degree as recorded at version $v: the ties of the node's copy valid then.
MATCH (n:Rec {id: $id})-[r]-(m:Rec)
WHERE n.recFrom <= $v < n.recTo AND r.recFrom <= $v < r.recTo AND m.recFrom <= $v < m.recTo
RETURN type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, count(*) AS count
ORDER BY type, direction
