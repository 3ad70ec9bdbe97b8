// nodes/degree as recorded at version $v: the tie copies valid then at the node's identity (a
// tie valid then has both ends in the graph then, so no state is read).
MATCH (n:Rec {id: $id})-[r]-(:Rec)
WHERE r.recFrom <= $v < r.recTo
RETURN type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, count(*) AS count
ORDER BY type, direction
