// nodes/get-node as recorded at version $v: the node's state valid then.
MATCH (n:RecState {id: $id})
WHERE n.recFrom <= $v < n.recTo
RETURN n {.*} AS node
