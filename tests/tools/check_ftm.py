"""Reads a FollowTheMoney JSON-lines export with the followthemoney package and reports, as
JSON, every property or value it would not keep: unknown schemata, unknown properties, values
its types reject or change, and references to entities that are missing or of a schema the
property's range does not allow. Usage: python3 check_ftm.py FILE"""
import json
import sys

from followthemoney import model


def main(path):
    problems = []
    entities = {}
    counts = {}
    with open(path, encoding="utf-8") as f:
        lines = [(i + 1, json.loads(line)) for i, line in enumerate(f) if line.strip()]
    for line, data in lines:
        schema = model.get(data.get("schema"))
        if schema is None:
            problems.append(f"line {line}: unknown schema {data.get('schema')!r}")
            continue
        counts[schema.name] = counts.get(schema.name, 0) + 1
        proxy = model.make_entity(schema)
        proxy.id = data["id"]
        for prop_name, values in data.get("properties", {}).items():
            prop = schema.get(prop_name)
            if prop is None:
                problems.append(f"line {line}: {schema.name} has no property {prop_name!r}")
                continue
            for value in values:
                # cleaned=False: the package checks and normalises each value by its type.
                proxy.add(prop, value, cleaned=False, quiet=True)
                if value not in proxy.get(prop):
                    problems.append(f"line {line}: {schema.name}.{prop_name} dropped or changed {value!r} → {proxy.get(prop)!r}")
        read_back = model.get_proxy(proxy.to_dict())
        if read_back.to_dict()["properties"] != proxy.to_dict()["properties"]:
            problems.append(f"line {line}: properties changed when read back")
        entities[proxy.id] = (line, proxy)
    for entity_id, (line, proxy) in entities.items():
        for prop, value in proxy.itervalues():
            if prop.type.name != "entity":
                continue
            target = entities.get(value)
            if target is None:
                problems.append(f"line {line}: {proxy.schema.name}.{prop.name} refers to missing entity {value!r}")
            elif not target[1].schema.is_a(prop.range):
                problems.append(
                    f"line {line}: {proxy.schema.name}.{prop.name} → {target[1].schema.name} is not a {prop.range.name}"
                )
    print(json.dumps({"entities": len(entities), "schemata": counts, "problems": problems[:200]}))


if __name__ == "__main__":
    main(sys.argv[1])
