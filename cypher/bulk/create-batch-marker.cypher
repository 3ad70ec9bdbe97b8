// Notes one committed batch of a bulk load. Run in the same transaction as the batch itself,
// so after a crash the markers and the data agree; one node per batch, so concurrent batches
// never contend for (or lose updates to) a shared counter.
CREATE (:BulkLoadBatch {key: $key, phase: $phase, index: $index})
RETURN $index AS index
