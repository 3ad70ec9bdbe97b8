// The live ties of the given nodes, in both directions: retiring a node retires them with it.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-()
WITH DISTINCT r
MATCH (a)-[r]->(b)
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
