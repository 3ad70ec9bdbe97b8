// Adds a batch of operations to a change set recorded earlier in the same load (seed, import),
// written beside the batch of elements they describe.
MATCH (c:ChangeSet {id: $changeSet})
UNWIND $ops AS op
CREATE (c)-[:HAS_OP]->(o:Op)
SET o = op
RETURN count(o) AS ops
