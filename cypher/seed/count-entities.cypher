// Whether the database already holds a graph (the seed is loaded only into an empty one).
MATCH (n:Entity)
RETURN count(n) AS nodes
