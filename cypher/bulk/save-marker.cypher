// Records progress of a bulk load. Run in the same transaction as the batch it counts, so the
// marker and the data can never disagree after a crash.
MERGE (m:BulkLoad {key: $key})
SET m += $state
RETURN m.key AS key
