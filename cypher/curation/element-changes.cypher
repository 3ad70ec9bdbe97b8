// The change sets that touched one element, newest first, one page below `before`.
MATCH (o:Op {elementId: $element})
WHERE o.version < $before
WITH DISTINCT o.version AS version
ORDER BY version DESC
LIMIT $limit
MATCH (c:ChangeSet {version: version})
RETURN c {.*} AS changeSet
ORDER BY c.version DESC
