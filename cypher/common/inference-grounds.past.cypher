// common/inference-grounds as recorded at version $v: what inferred facts rest on, among the
// states and tie copies valid then (a tie's copy keeps its fact id as factId and joins the
// identities of its ends; its ends are given as their states then).
UNWIND $refs AS ref
OPTIONAL MATCH (n:RecState {id: ref.id})
WHERE n.recFrom <= $v < n.recTo
CALL (ref, n) {
  WITH ref, n WHERE n IS NULL
  UNWIND ref.near AS nearId
  MATCH (:Rec {id: nearId})-[r]-(:Rec)
  WHERE r.factId = ref.id AND r.recFrom <= $v < r.recTo
  RETURN r LIMIT 1
  UNION
  WITH ref, n WHERE n IS NOT NULL
  RETURN null AS r
}
WITH ref, n, r, startNode(r) AS s, endNode(r) AS t
WHERE n IS NOT NULL OR r IS NOT NULL
OPTIONAL MATCH (ss:RecState {id: s.id})
WHERE ss.recFrom <= $v < ss.recTo
OPTIONAL MATCH (ts:RecState {id: t.id})
WHERE ts.recFrom <= $v < ts.recTo
RETURN ref.id AS id,
       n {.*} AS node,
       r {.*, type: type(r), source: s.id, target: t.id} AS relationship,
       ss {.*} AS subject,
       ts {.*} AS object
