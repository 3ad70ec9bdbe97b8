// nodes/nodes-by-ids as recorded at version $v: the copies valid then of the nodes with those ids.
UNWIND $ids AS id
MATCH (n:Rec {id: id})
WHERE n.recFrom <= $v < n.recTo
RETURN n {.*} AS node
