// Clears the recorded-states layer before it is built again from the live graph, a batch at a
// time (a large store's copies do not fit one transaction's memory); returns how many went.
MATCH (c:Rec)
WITH c LIMIT $batch
DETACH DELETE c
RETURN count(*) AS deleted
