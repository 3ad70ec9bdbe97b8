// The recorded-states layer against the live graph: all copies (count store, constant time), and
// the open ones (recTo the largest integer), which should be exactly the live graph's elements.
CALL () { MATCH (n:Entity) RETURN count(n) AS liveNodes }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS liveTies }
CALL () { MATCH (c:Rec) RETURN count(c) AS recNodes }
CALL () { MATCH (:Rec)-[r]->() RETURN count(r) AS recTies }
CALL () { MATCH (c:Rec) WHERE c.recTo = 9223372036854775807 RETURN count(c) AS openNodes }
CALL () {
  MATCH (c:Rec)-[r]->()
  WHERE c.recTo = 9223372036854775807 AND r.recTo = 9223372036854775807
  RETURN count(r) AS openTies
}
RETURN liveNodes, liveTies, recNodes, recTies, openNodes, openTies
