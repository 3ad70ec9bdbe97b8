// The live ties with the given fact ids. A fact id is unique among ties of every type, but
// Neo4j indexes relationship properties per type, so each type is sought through its own
// index (schema.cypher: tie_id_<type>); a unit test checks every type of the vocabulary is here.
UNWIND $ids AS id
CALL (id) {
  MATCH (a)-[r:PART_OF {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:UNDER {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:MEMBER_OF {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:PARTICIPATES_IN {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:REPRESENTS {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:MANDATES {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:APPOINTS {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:HOLDS_POST {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:CHAIRS {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:LEADS_DELEGATION {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:CONTACT_POINT_FOR {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:COOPERATES_WITH {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:FORWARDS_REQUESTS_TO {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:FUNDS {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:SUPPORTS {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:HAS_AGREEMENT_WITH {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:BASED_ON {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:PARTY_TO {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:ESTABLISHES {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:COORDINATES {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:WORKS_AT {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:DIRECTS {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:AUTHORED {id: id}]->(b) RETURN r, a, b
  UNION
  MATCH (a)-[r:INCLUDES {id: id}]->(b) RETURN r, a, b
}
RETURN id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
