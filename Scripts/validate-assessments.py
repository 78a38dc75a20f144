#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema (the first argument: Data/assessment.schema.json,
catalogue.schema.json or summary.schema.json) with the `jsonschema` package, formats checked,
printing "<file>\tvalid" or "<file>\tinvalid" for each. Used by the schema-agreement tests;
`.ci/run` installs jsonschema when it is missing."""
import json
import sys

import jsonschema

schema_path, files = sys.argv[1], sys.argv[2:]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
for path in files:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    print(path + "\t" + ("valid" if validator.is_valid(doc) else "invalid"))
