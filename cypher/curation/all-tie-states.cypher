// Every live tie's stored state with its ends, for comparing the graph with a backup before a
// restore.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
