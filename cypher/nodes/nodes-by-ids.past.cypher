// nodes/nodes-by-ids as recorded at version $v: the states valid then of the nodes with those ids.
UNWIND $ids AS id
MATCH (n:RecState {id: id})
WHERE n.recFrom <= $v < n.recTo
RETURN n {.*} AS node
