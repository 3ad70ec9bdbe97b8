// Sets live elements' `rev` one by one: the graph as recorded at a version gives each element
// written back the rev it had then (curation/revs-at), where the transition writer gives all
// of them one version. Only inside a transaction that is rolled back.
CALL {
  UNWIND $nodes AS row
  MATCH (n:Entity {id: row.id})
  SET n.rev = row.rev
  RETURN count(n) AS nodes
}
CALL {
  UNWIND $ties AS row
  MATCH (:Entity {id: row.from})-[r:$(row.type) {id: row.id}]->(:Entity {id: row.to})
  SET r.rev = row.rev
  RETURN count(r) AS ties
}
RETURN nodes, ties
