// Records a change set whose operations follow in batches (the seed load, a file import), and
// moves the graph's version to it.
MATCH (g:GraphVersion {id: 'graph'})
SET g.version = $changeSet.version, g.at = $changeSet.at
CREATE (c:ChangeSet)
SET c = $changeSet
RETURN c.id AS id
