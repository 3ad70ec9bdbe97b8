// How many change sets came after a version.
MATCH (c:ChangeSet)
WHERE c.version > $version
RETURN count(c) AS changes
