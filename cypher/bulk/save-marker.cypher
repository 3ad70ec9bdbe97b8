// Creates or updates the marker of a bulk load (its mode, batch sizes, whether it finished).
MERGE (m:BulkLoad {key: $key})
SET m += $state
RETURN m.key AS key
