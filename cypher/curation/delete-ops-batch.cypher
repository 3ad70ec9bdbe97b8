// Removes up to $batch operations of one change set: a batched restore that failed takes back
// the record of what it wrote, a batch at a time.
MATCH (:ChangeSet {id: $changeSet})-[:HAS_OP]->(o:Op)
WITH o LIMIT $batch
DETACH DELETE o
RETURN count(*) AS deleted
