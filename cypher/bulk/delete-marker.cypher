// Forgets a bulk load's markers: its per-batch notes, and with $all the load marker too
// (the data it loaded stays).
OPTIONAL MATCH (b:BulkLoadBatch {key: $key})
DELETE b
WITH count(*) AS batches
OPTIONAL MATCH (m:BulkLoad {key: $key}) WHERE $all
DELETE m
RETURN batches
