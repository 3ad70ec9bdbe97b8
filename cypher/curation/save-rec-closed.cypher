// The recorded-states layer, first half of a change set's part: the open copies of the nodes
// and ties it writes end at this version (recTo), and so do the open ties of those nodes' copies
// (their new copies take new copies of the ties, create-rec-states). A tie is found between
// the open copies of its ends; one whose end closed above is closed already.
CALL () {
  UNWIND $nodes AS id
  MATCH (c:Rec {id: id, recTo: 9223372036854775807})
  SET c.recTo = $version
  WITH c
  OPTIONAL MATCH (c)-[r]-(:Rec)
  WHERE r.recTo = 9223372036854775807
  SET r.recTo = $version
  RETURN count(DISTINCT c) AS nodes
}
CALL () {
  UNWIND $ties AS t
  MATCH (:Rec {id: t.from, recTo: 9223372036854775807})-[r:$(t.type)]->(:Rec {id: t.to, recTo: 9223372036854775807})
  WHERE r.factId = t.id AND r.recTo = 9223372036854775807
  SET r.recTo = $version
  RETURN count(r) AS ties
}
RETURN nodes, ties
