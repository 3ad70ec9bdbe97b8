// nodes/get-node as recorded at version $v: the node's copy valid then.
MATCH (n:Rec {id: $id})
WHERE n.recFrom <= $v < n.recTo
RETURN n {.*} AS node
