// The recorded-states layer, second half: a new open copy of every node the change set left
// live, as the live graph holds it now, and a new open copy of every live tie it wrote or that
// touches such a node, between the open copies of its ends. A tie keeps its fact id as factId,
// so no live read that seeks a tie by id meets a copy.
CALL () {
  UNWIND $nodes AS id
  MATCH (n:Entity {id: id})
  CREATE (c:Rec)
  SET c = properties(n), c.recFrom = $version, c.recTo = 9223372036854775807
  RETURN count(c) AS nodes
}
CALL () {
  CALL () {
    UNWIND $nodes AS id
    MATCH (:Entity {id: id})-[r]-(:Entity)
    RETURN r
    UNION
    UNWIND $ties AS t
    MATCH (:Entity {id: t.from})-[r:$(t.type) {id: t.id}]->(:Entity {id: t.to})
    RETURN r
  }
  WITH r, startNode(r).id AS from, endNode(r).id AS to
  MATCH (a:Rec {id: from, recTo: 9223372036854775807})
  MATCH (b:Rec {id: to, recTo: 9223372036854775807})
  CREATE (a)-[c:$(type(r))]->(b)
  SET c = properties(r), c.factId = r.id, c.id = null, c.recFrom = $version, c.recTo = 9223372036854775807
  RETURN count(c) AS ties
}
MATCH (g:GraphVersion {id: 'graph'})
SET g.layerAt = $version
RETURN nodes, ties
