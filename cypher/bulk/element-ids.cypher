// Element ids of entities the bulk loader did not create in this run (a resumed load, or
// more nodes than it keeps in memory). Ids that are not in the graph return nothing.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, elementId(n) AS elementId
