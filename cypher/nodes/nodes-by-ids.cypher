// The nodes with the given ids, in no particular order; unknown ids are simply absent.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*} AS node
