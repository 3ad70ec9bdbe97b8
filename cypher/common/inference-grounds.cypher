// What inferred facts rest on, so a sentence can name it in words rather than by id. An
// inferredFrom entry is a node id or a fact id; a fact an inference rests on touches one of the
// inferring fact's ends, so it is sought among those ends' ties ($refs: {id, near: [node ids]}).
// Only refs the answer does not already hold are asked for.
UNWIND $refs AS ref
OPTIONAL MATCH (n:Entity {id: ref.id})
CALL (ref, n) {
  WITH ref, n WHERE n IS NULL
  UNWIND ref.near AS nearId
  MATCH (:Entity {id: nearId})-[r]-(:Entity)
  WHERE r.id = ref.id
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
