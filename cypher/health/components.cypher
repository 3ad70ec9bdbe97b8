// The Neo4j product name, version and edition, for /api/health.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
