// Facts an import refers to by id (a basis, an inference) that the graph already holds. Only
// ids the import names but does not carry are asked for, so this runs rarely and for few ids.
UNWIND $ids AS id
MATCH ()-[r]->()
WHERE r.id = id
RETURN r.id AS id, type(r) AS type
