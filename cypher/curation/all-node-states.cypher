// Every live node's stored state, for comparing the graph with a backup before a restore.
MATCH (n:Entity)
RETURN n.id AS id, properties(n) AS props
