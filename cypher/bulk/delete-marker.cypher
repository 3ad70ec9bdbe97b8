// Forgets a bulk load's resume marker (the data it loaded stays).
MATCH (m:BulkLoad {key: $key})
DELETE m
RETURN count(*) AS deleted
