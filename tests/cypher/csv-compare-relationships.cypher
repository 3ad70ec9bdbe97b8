// Each relationship named by its ends' ids, type and key, with its properties.
MATCH (a)-[r]->(b)
RETURN a.id AS start, type(r) AS type, b.id AS end, r.key AS key, properties(r) AS props
