// Clears the recorded-states layer before it is built again from the live graph, a batch at a
// time (a large store's copies do not fit one transaction's memory): identities with their tie
// copies (and, in a layer of the first format, its per-state copies), then states; returns how
// many went.
CALL () {
  MATCH (c:Rec)
  WITH c LIMIT $batch
  DETACH DELETE c
  RETURN count(*) AS identities
}
CALL () {
  MATCH (s:RecState)
  WITH s LIMIT $batch
  DELETE s
  RETURN count(*) AS states
}
RETURN identities + states AS deleted
