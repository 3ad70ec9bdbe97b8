// Removes a batched restore's change set that never completed, and moves the version counter
// back to the change set before it.
MATCH (c:ChangeSet {id: $changeSet, kind: 'restore'})
MATCH (g:GraphVersion {id: 'graph'})
OPTIONAL MATCH (p:ChangeSet {version: c.version - 1})
SET g.version = c.version - 1, g.at = p.at
WITH c, g
DETACH DELETE c
RETURN g.version AS version
