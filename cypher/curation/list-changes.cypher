// The change log, newest first, one page below the version `before`.
MATCH (c:ChangeSet)
WHERE c.version < $before
RETURN c {.*} AS changeSet
ORDER BY c.version DESC
LIMIT $limit
