// How many relationships of each type leave and enter a node.
MATCH (n:Entity {id: $id})-[r]-()
RETURN type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, count(*) AS count
ORDER BY type, direction
