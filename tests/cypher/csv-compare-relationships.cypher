// Each tie between entities named by its ends' ids, type and key, with its properties (the
// change log's own links are not part of the graph an export carries).
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS start, type(r) AS type, b.id AS end, r.key AS key, properties(r) AS props
