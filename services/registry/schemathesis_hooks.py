"""Schemathesis hooks of the registry's OpenAPI fuzz test (SCHEMATHESIS_HOOKS=schemathesis_hooks).

POST /api/v1/imports also takes NDJSON (application/x-ndjson): one JSON value per line. Schemathesis
has no serializer for it, so it could not send those requests at all.
"""
import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    items = value if isinstance(value, list) else [value]
    return "\n".join(json.dumps(item) for item in items).encode("utf-8")
