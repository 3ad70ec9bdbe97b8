// The resume marker of one bulk load and the batches it has committed so far.
MATCH (m:BulkLoad {key: $key})
RETURN m {.*} AS marker,
       COLLECT { MATCH (b:BulkLoadBatch {key: $key}) RETURN b.phase + ':' + toString(b.index) } AS batches
