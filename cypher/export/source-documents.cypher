// The source documents with their dates (trust-model contract): few, read whole for the
// formats that cite documents as entities (FtM Document, PROV Entity, Popolo sources).
MATCH (s:Source)
RETURN s {.*} AS document
ORDER BY s.file
