// The resume marker of one bulk load: how many batches of each phase have been committed.
MATCH (m:BulkLoad {key: $key})
RETURN m {.*} AS marker
