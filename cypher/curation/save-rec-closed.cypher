// The recorded-states layer (docs/curation.md §3), first half of a change set's part: the open
// state of every node it writes ends at this version (recTo), and so does the open copy of every
// tie it writes, found between the identities of its ends. A node it leaves out of the live graph
// (retired) also closes the open copies of its ties. A node's update alone touches no tie copy:
// ties join identities, which outlive every state.
CALL () {
  UNWIND $nodes AS id
  MATCH (s:RecState {id: id, recTo: 9223372036854775807})
  SET s.recTo = $version
  RETURN count(s) AS nodes
}
CALL () {
  UNWIND $nodes AS id
  WITH id WHERE NOT EXISTS { MATCH (:Entity {id: id}) }
  MATCH (:Rec {id: id})-[r]-(:Rec)
  WHERE r.recTo = 9223372036854775807
  SET r.recTo = $version
  RETURN count(r) AS endsGone
}
CALL () {
  UNWIND $ties AS t
  MATCH (:Rec {id: t.from})-[r:$(t.type)]->(:Rec {id: t.to})
  WHERE r.factId = t.id AND r.recTo = 9223372036854775807
  SET r.recTo = $version
  RETURN count(r) AS ties
}
RETURN nodes, ties + endsGone AS ties
