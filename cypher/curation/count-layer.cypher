// The recorded-states layer against the live graph: identities, states and tie copies (count
// store, constant time), and the open states and tie copies (recTo the largest integer), which
// should be exactly the live graph's elements. recNodes counts identities and states together.
CALL () { MATCH (n:Entity) RETURN count(n) AS liveNodes }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS liveTies }
CALL () { MATCH (c:Rec) RETURN count(c) AS recIdentities }
CALL () { MATCH (s:RecState) RETURN count(s) AS recStates }
CALL () { MATCH (:Rec)-[r]->() RETURN count(r) AS recTies }
CALL () { MATCH (s:RecState) WHERE s.recTo = 9223372036854775807 RETURN count(s) AS openNodes }
CALL () {
  MATCH (:Rec)-[r]->()
  WHERE r.recTo = 9223372036854775807
  RETURN count(r) AS openTies
}
RETURN liveNodes, liveTies, recIdentities + recStates AS recNodes, recIdentities, recStates, recTies, openNodes, openTies
