// One node with all its properties.
MATCH (n:Entity {id: $id})
RETURN n {.*} AS node
