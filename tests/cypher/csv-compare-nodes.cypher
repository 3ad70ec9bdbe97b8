// Each entity's id, labels and properties, to compare a graph with its copy through the CSV import.
MATCH (n:Entity)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
