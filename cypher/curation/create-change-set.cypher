// Records a change set with its operations and moves the graph's version to it, in the same
// transaction as the writes it describes. before/after are JSON text (maps cannot be stored).
MATCH (g:GraphVersion {id: 'graph'})
SET g.version = $changeSet.version, g.at = $changeSet.at
CREATE (c:ChangeSet)
SET c = $changeSet
WITH c
UNWIND $ops AS op
CREATE (c)-[:HAS_OP]->(o:Op)
SET o = op
RETURN count(o) AS ops
