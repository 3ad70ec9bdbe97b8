// representation/find-representations as recorded at version $v: the same question asked of
// the copies valid then (docs/curation.md §3): :Rec for :Entity, and recFrom <= $v < recTo on
// every node and tie it matches (inside the quantified patterns for the variable-length ones).
CALL () {
  WITH 1 AS _ WHERE $agent IS NOT NULL
  MATCH (a:Rec)(()-[q:PART_OF|DIRECTS|WORKS_AT|HOLDS_POST WHERE q.recFrom <= $v < q.recTo]->()){0,2}(top:Rec {id: $agent})
  WHERE a.recFrom <= $v < a.recTo AND top.recFrom <= $v < top.recTo
  MATCH (a)-[r:REPRESENTS|LEADS_DELEGATION|PARTICIPATES_IN]->(x:Rec)
  WHERE r.recFrom <= $v < r.recTo AND x.recFrom <= $v < x.recTo
    AND (type(r) <> 'PARTICIPATES_IN' OR r.capacity = 'expert-authority')
  RETURN a, r, x
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NOT NULL
  MATCH (target:Rec {id: $principal})
  WHERE target.recFrom <= $v < target.recTo
  MATCH (p:Rec)(()-[q:PART_OF WHERE q.recFrom <= $v < q.recTo]->()){0,2}(target)
  WHERE p.recFrom <= $v < p.recTo
  WITH collect(p) AS ps, collect(p.id) AS pids
  CALL (ps, pids) {
    UNWIND ps AS p
    MATCH (a:Rec)-[r:REPRESENTS]->(p)
    WHERE r.recFrom <= $v < r.recTo AND a.recFrom <= $v < a.recTo
    RETURN a, r, p AS x
    UNION
    MATCH (a:Rec)-[r:LEADS_DELEGATION]->(x:Rec)
    WHERE r.principal IN pids AND r.recFrom <= $v < r.recTo AND a.recFrom <= $v < a.recTo AND x.recFrom <= $v < x.recTo
    RETURN a, r, x
  }
  RETURN a, r, x
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NULL AND $forum IS NOT NULL
  MATCH (forum:Rec {id: $forum})
  WHERE forum.recFrom <= $v < forum.recTo
  OPTIONAL MATCH (part:Rec)(()-[q:PART_OF WHERE q.recFrom <= $v < q.recTo]->()){1,2}(forum)
  WHERE part.recFrom <= $v < part.recTo
  WITH forum, collect(DISTINCT part) AS parts
  WITH [forum] + parts AS organs
  UNWIND organs AS organ
  OPTIONAL MATCH (g:Rec)-[gi:INCLUDES]->(organ)
  WHERE gi.recFrom <= $v < gi.recTo AND g.recFrom <= $v < g.recTo
  WITH organs, collect(DISTINCT g) AS groups
  WITH organs + groups AS forums
  WITH forums, [f IN forums | f.id] AS forumIds
  CALL (forumIds, forums) {
    MATCH (a:Rec)-[r:REPRESENTS]->(x:Rec)
    WHERE r.forum IN forumIds AND r.recFrom <= $v < r.recTo AND a.recFrom <= $v < a.recTo AND x.recFrom <= $v < x.recTo
    RETURN a, r, x
    UNION
    UNWIND forums AS f
    MATCH (a:Rec)-[r:LEADS_DELEGATION]->(f)
    WHERE r.recFrom <= $v < r.recTo AND a.recFrom <= $v < a.recTo
    RETURN a, r, f AS x
    UNION
    MATCH (a:Rec)-[r:PARTICIPATES_IN {capacity: 'expert-authority'}]->(x:Rec)
    WHERE x.id IN forumIds AND r.recFrom <= $v < r.recTo AND a.recFrom <= $v < a.recTo AND x.recFrom <= $v < x.recTo
    RETURN a, r, x
  }
  RETURN a, r, x
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NULL AND $forum IS NULL
  MATCH (a:Rec)-[r:REPRESENTS|LEADS_DELEGATION|PARTICIPATES_IN]->(x:Rec)
  WHERE r.recFrom <= $v < r.recTo AND a.recFrom <= $v < a.recTo AND x.recFrom <= $v < x.recTo
    AND (type(r) <> 'PARTICIPATES_IN' OR r.capacity = 'expert-authority')
  RETURN a, r, x
}
WITH a, r, x,
     CASE type(r) WHEN 'REPRESENTS' THEN r.forum WHEN 'LEADS_DELEGATION' THEN x.id ELSE x.id END AS forumId,
     CASE type(r) WHEN 'REPRESENTS' THEN x.id WHEN 'LEADS_DELEGATION' THEN r.principal ELSE null END AS principalId
WHERE ($capacity IS NULL OR r.capacity = $capacity)
  AND (NOT $stated OR r.certainty = 'stated')
OPTIONAL MATCH (p:Rec {id: principalId})
WHERE p.recFrom <= $v < p.recTo
OPTIONAL MATCH (f:Rec {id: forumId})
WHERE f.recFrom <= $v < f.recTo
WITH a, r, p, f
WHERE ($principal IS NULL OR p.id = $principal OR EXISTS {
        (p)(()-[q:PART_OF WHERE q.recFrom <= $v < q.recTo]->()){1,2}(pp:Rec {id: $principal}) WHERE pp.recFrom <= $v < pp.recTo })
  AND ($forum IS NULL OR EXISTS {
        (f)(()-[q:INCLUDES WHERE q.recFrom <= $v < q.recTo]->()){0,1}(:Rec)(()-[q2:PART_OF WHERE q2.recFrom <= $v < q2.recTo]->()){0,2}(ff:Rec {id: $forum})
        WHERE ff.recFrom <= $v < ff.recTo })
WITH a, r, p, f ORDER BY coalesce(f.name, ''), a.name, r.validFromDate LIMIT $limit
OPTIONAL MATCH (asked:Rec {id: $agent})
WHERE asked.recFrom <= $v < asked.recTo
WITH a, r, p, f, CASE WHEN asked IS NOT NULL AND asked <> a THEN asked END AS actsFor
CALL () {
  OPTIONAL MATCH (fa:Rec {id: $forum})
  WHERE fa.recFrom <= $v < fa.recTo
  OPTIONAL MATCH (organ:Rec)(()-[q:PART_OF WHERE q.recFrom <= $v < q.recTo]->()){1,2}(fa)
  RETURN fa {.*} AS askedForum, collect(DISTINCT organ.id) AS forumParts
}
CALL (f) {
  OPTIONAL MATCH (f)-[i:INCLUDES]->(m:Rec)
  WHERE i.recFrom <= $v < i.recTo AND m.recFrom <= $v < m.recTo
  WITH i, m LIMIT 100
  RETURN collect(m {.*}) AS members, collect(i {.*, type: type(i), source: f.id, target: m.id}) AS memberTies
}
CALL (r) {
  OPTIONAL MATCH (giver:Rec)-[m:MANDATES {factId: r.basisRef}]->(holder:Rec)
  WHERE r.basisKind = 'mandate' AND m.recFrom <= $v < m.recTo AND giver.recFrom <= $v < giver.recTo AND holder.recFrom <= $v < holder.recTo
  WITH giver, m, holder LIMIT 1
  RETURN giver {.*} AS basisGiver, holder {.*} AS basisHolder,
         m {.*, type: type(m), source: giver.id, target: holder.id} AS basisMandate
}
CALL (r) {
  OPTIONAL MATCH (b:Rec {id: r.basisRef})
  WHERE r.basisKind IN ['treaty', 'law'] AND b.recFrom <= $v < b.recTo
  RETURN b {.*} AS basisNode
}
WITH *,
     CASE
       WHEN $asOfStart IS NULL THEN null
       WHEN r.validFromDate IS NOT NULL THEN 'valid'
       WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
       WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
       ELSE 'undated'
     END AS timeStatus,
     $asOfStart IS NULL OR (
       (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
       (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))) AS inSpan
CALL (a, r, f) {
  OPTIONAL MATCH (a)-[t:PARTICIPATES_IN|MEMBER_OF|LEADS_DELEGATION|CHAIRS]->(f)
  WHERE t <> r AND t.recFrom <= $v < t.recTo
  RETURN collect(t {.*, type: type(t), source: a.id, target: f.id}) AS forumTies
}
RETURN a {.*} AS agent,
       actsFor {.*} AS actsFor,
       askedForum, forumParts,
       p {.*} AS principal,
       f {.*} AS forum,
       members, memberTies, basisGiver, basisHolder, basisMandate, basisNode,
       r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship,
       forumTies, timeStatus, inSpan
ORDER BY coalesce(forum.name, ''), agent.name, relationship.validFrom
