// search/search-nodes as recorded at version $v: the same candidates among the states valid
// then, from the states' own full-text index (rec_state_names). Its word statistics count every
// state, so scores may differ from the answer then (the answer says so); states of other
// versions are skipped, so it asks the index for more than $candidates and keeps $candidates.
// Degree and containers are read through the tie copies valid then at the node's identity.
CALL db.index.fulltext.queryNodes('rec_state_names', $query, {limit: $candidates * 4}) YIELD node, score
WHERE node.recFrom <= $v < node.recTo AND ($labels IS NULL OR node.label IN $labels)
WITH node, score LIMIT $candidates
MATCH (i:Rec {id: node.id})
RETURN node {.id, .label, .name, .nameEn, .aliases, .description} AS node,
       score,
       COUNT { (i)-[r]-() WHERE r.recFrom <= $v < r.recTo } AS degree,
       COLLECT {
         MATCH (i)(()-[q:PART_OF|UNDER|WORKS_AT|DIRECTS|HOLDS_POST WHERE q.recFrom <= $v < q.recTo]->()){1,3}(up)
         RETURN up.id
       } AS containers
