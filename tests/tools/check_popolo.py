"""Validates a Popolo JSON export against the Popolo project's published JSON schemas (kept in
tests/fixtures/popolo, draft 3), resolving their $refs locally. Prints JSON.
Usage: python3 check_popolo.py FILE SCHEMA_DIR"""
import json
import pathlib
import sys

from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3


def main(path, schema_dir):
    schemas = {}
    resources = []
    for f in sorted(pathlib.Path(schema_dir).glob("*.json")):
        schema = json.loads(f.read_text(encoding="utf-8"))
        schemas[f.stem] = schema
        resources.append((schema["id"], Resource.from_contents(schema, default_specification=DRAFT3)))
    registry = Registry().with_resources(resources)
    doc = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    problems = []
    counts = {}
    for collection, schema_name in (("persons", "person"), ("organizations", "organization"), ("posts", "post"), ("memberships", "membership")):
        validator = Draft3Validator(schemas[schema_name], registry=registry, format_checker=Draft3Validator.FORMAT_CHECKER)
        items = doc.get(collection, [])
        counts[collection] = len(items)
        for i, item in enumerate(items):
            for error in validator.iter_errors(item):
                problems.append(f"{collection}[{i}] ({item.get('id')}): {'/'.join(map(str, error.absolute_path))}: {error.message}")
    print(json.dumps({"counts": counts, "problems": problems[:200]}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
