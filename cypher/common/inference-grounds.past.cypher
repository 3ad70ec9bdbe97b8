// common/inference-grounds as recorded at version $v: what inferred facts rest on, among the
// copies valid then (a tie's copy keeps its fact id as factId).
UNWIND $refs AS ref
OPTIONAL MATCH (n:Rec {id: ref.id})
WHERE n.recFrom <= $v < n.recTo
CALL (ref, n) {
  WITH ref, n WHERE n IS NULL
  UNWIND ref.near AS nearId
  MATCH (near:Rec {id: nearId})-[r]-(other:Rec)
  WHERE r.factId = ref.id AND near.recFrom <= $v < near.recTo AND r.recFrom <= $v < r.recTo AND other.recFrom <= $v < other.recTo
  RETURN r LIMIT 1
  UNION
  WITH ref, n WHERE n IS NOT NULL
  RETURN null AS r
}
WITH ref, n, r, startNode(r) AS s, endNode(r) AS t
WHERE n IS NOT NULL OR r IS NOT NULL
RETURN ref.id AS id,
       n {.*} AS node,
       r {.*, type: type(r), source: s.id, target: t.id} AS relationship,
       s {.*} AS subject,
       t {.*} AS object
