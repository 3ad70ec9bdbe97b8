// The recorded-states layer (docs/curation.md §3), second half: a new open state of every node
// the change set left live, as the live graph holds it now, under the node's identity (made on
// its first state, kept ever after); and a new open copy, between the identities of its ends, of
// every live tie it wrote and of every live tie of a node it brought (back) into the graph
// ($added) that has none open. A tie keeps its fact id as factId, so no live read that seeks a
// tie by id meets a copy.
CALL () {
  UNWIND $nodes AS id
  MATCH (n:Entity {id: id})
  MERGE (i:Rec {id: id})
  SET i.label = n.label
  CREATE (s:RecState)
  SET s = properties(n), s.recFrom = $version, s.recTo = 9223372036854775807
  RETURN count(s) AS nodes
}
CALL () {
  CALL () {
    UNWIND $added AS id
    MATCH (:Entity {id: id})-[r]-(:Entity)
    RETURN r
    UNION
    UNWIND $ties AS t
    MATCH (:Entity {id: t.from})-[r:$(t.type) {id: t.id}]->(:Entity {id: t.to})
    RETURN r
  }
  WITH r, startNode(r).id AS from, endNode(r).id AS to
  MATCH (a:Rec {id: from})
  MATCH (b:Rec {id: to})
  WHERE NOT EXISTS { MATCH (a)-[x]->(b) WHERE x.factId = r.id AND x.recTo = 9223372036854775807 }
  CREATE (a)-[c:$(type(r))]->(b)
  SET c = properties(r), c.factId = r.id, c.id = null, c.recFrom = $version, c.recTo = 9223372036854775807
  RETURN count(c) AS ties
}
MATCH (g:GraphVersion {id: 'graph'})
SET g.layerAt = $version
RETURN nodes, ties
