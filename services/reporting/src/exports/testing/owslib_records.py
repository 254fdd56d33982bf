"""Reads the service's OGC API – Records with OWSLib's `Records` client only, and validates every
JSON document the client received against the OGC API – Records Part 1 schemas. Prints one JSON line.

Usage: python owslib_records.py <landing page URL> <schemas dir> <record id with a temporal extent>

Schemas: the standard's OpenAPI schemas (YAML, OpenAPI 3.0 dialect) read as JSON Schema 2020-12:
- `nullable: true` adds "null" to the type (JSON Schema has no `nullable`);
- a `oneOf` with a branch `{type: object, nullable: true}` (recordGeoJSON.yaml's `time`,
  `geometry`, `properties`) is read as `anyOf` with that branch `{type: "null"}`: "null or the
  referenced schema". As written, every object matches both branches, so `oneOf` fails for any
  record, and null matches both where the referenced schema is nullable itself (time.yaml)
  (opengeospatial/ogcapi-records#482, #272);
- the schemas of OGC API – Features Part 1 they reference on schemas.opengis.net (offline here)
  are replaced by STAND_INS below: the members Features Part 1 requires, written for this test.
"""
import copy
import json
import pathlib
import sys
from urllib.parse import parse_qsl, urlsplit

import jsonschema_rs
import yaml
from owslib.ogcapi.records import Records

landing_url, schemas_dir, timed_id = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
FEATURES = "https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/schemas/"

LINK = {"$ref": (schemas_dir / "link.yaml").resolve().as_uri()}
STAND_INS = {
    "landingPage.yaml": {
        "type": "object",
        "required": ["links"],
        "properties": {
            "title": {"type": "string"},
            "description": {"type": "string"},
            "links": {"type": "array", "items": LINK},
        },
    },
    "collection.yaml": {
        "type": "object",
        "required": ["id", "links"],
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "links": {"type": "array", "items": LINK},
            "extent": {"type": "object"},
            "itemType": {"type": "string"},
            "crs": {"type": "array", "items": {"type": "string"}},
        },
    },
    "collections.yaml": {
        "type": "object",
        "required": ["links", "collections"],
        "properties": {
            "links": {"type": "array", "items": LINK},
            "collections": {"type": "array", "items": {"$ref": "collection.yaml"}},
        },
    },
    "featureCollectionGeoJSON.yaml": {
        "type": "object",
        "required": ["type", "features"],
        "properties": {
            "type": {"enum": ["FeatureCollection"]},
            "features": {"type": "array"},
            "links": {"type": "array", "items": LINK},
            "timeStamp": {"type": "string", "format": "date-time"},
            "numberMatched": {"type": "integer", "minimum": 0},
            "numberReturned": {"type": "integer", "minimum": 0},
        },
    },
    "geometryGeoJSON.yaml": {
        "type": "object",
        "required": ["type"],
        "properties": {
            "type": {
                "enum": ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                         "MultiPolygon", "GeometryCollection"],
            },
        },
        "if": {"properties": {"type": {"const": "GeometryCollection"}}},
        "then": {"required": ["geometries"]},
        "else": {"required": ["coordinates"], "properties": {"coordinates": {"type": "array"}}},
    },
}
CONFORMANCE = {
    "type": "object",
    "required": ["conformsTo"],
    "properties": {"conformsTo": {"type": "array", "items": {"type": "string"}, "minItems": 1}},
}


def to_json_schema(node):
    """OpenAPI 3.0 schema object → JSON Schema (see the module comment)."""
    if isinstance(node, list):
        return [to_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: to_json_schema(v) for k, v in node.items()}
    if "oneOf" in node and {"type": ["object", "null"]} in node["oneOf"]:
        node["anyOf"] = [
            {"type": "null"} if b == {"type": ["object", "null"]} else b
            for b in node.pop("oneOf")
        ]
    if node.pop("nullable", False) and isinstance(node.get("type"), str):
        node["type"] = [node["type"], "null"]
    return node


def load(uri):
    name = uri.rsplit("/", 1)[-1]
    if uri.startswith(FEATURES):
        return to_json_schema(STAND_INS[name])
    if uri.startswith("file://"):
        return to_json_schema(yaml.safe_load((schemas_dir / name).read_text()))
    raise ValueError(f"no offline copy of {uri}")


def validator(name):
    if name == "conformance":
        return jsonschema_rs.Draft202012Validator(CONFORMANCE)
    uri = (schemas_dir / name).resolve().as_uri()
    return jsonschema_rs.Draft202012Validator(
        load(uri), retriever=load, base_uri=uri, validate_formats=True)


SCHEMAS = {
    "landing": "landingPage.yaml",
    "conformance": "conformance",
    "collections": "catalogs.yaml",
    "collection": "collection.yaml",
    "items": "recordCollectionGeoJSON.yaml",
    "record": "recordGeoJSON.yaml",
}
validators = {kind: validator(name) for kind, name in SCHEMAS.items()}
checked = {kind: 0 for kind in SCHEMAS}
errors = []


def check(kind, doc, label):
    """Validates one document the client received; returns it."""
    checked[kind] += 1
    for error in validators[kind].iter_errors(doc):
        errors.append(f"{label}: {error.message} at /{'/'.join(map(str, error.instance_path))}")
    return doc


def items(api, cid, label, **kwargs):
    page = check("items", api.collection_items(cid, **kwargs), label)
    for feature in page["features"]:
        check("record", feature, f"{label} {feature.get('id')}")
    return page


api = Records(landing_url)
check("landing", api.response, "landing page")
calls = ["Records(url)"]
openapi = api.api()
calls.append("api()")
conformance = check("conformance", api.conformance(), "conformance")["conformsTo"]
calls.append("conformance()")
collections = check("collections", api.collections(), "collections")
calls.append("collections()")
record_collections = api.records()
calls.append("records()")
cid = record_collections[0]
collection = check("collection", api.collection(cid), "collection")
calls.append("collection(id)")
queryables = api.collection_queryables(cid)
calls.append("collection_queryables(id)")
queryables_valid = jsonschema_rs.meta.is_valid(queryables)

# Paging to the end: the next link's query, handed to the client as its keyword arguments.
pages = []
seen = []
page = items(api, cid, "page 1", limit=100)
pages.append(page)
while True:
    next_link = next((l for l in page["links"] if l["rel"] == "next"), None)
    if next_link is None or len(pages) > 1000:
        break
    params = dict(parse_qsl(urlsplit(next_link["href"]).query))
    page = items(api, cid, f"page {len(pages) + 1}", **params)
    pages.append(page)
for p in pages:
    seen.extend(f["id"] for f in p["features"])
calls.append("collection_items(id, limit) and next links to the end")

hamburg = items(api, cid, "bbox", bbox=[9.7, 53.3, 10.4, 53.8], limit=1000)
calls.append("collection_items(id, bbox)")
query = items(api, cid, "q", q="Elbe", limit=1000)
calls.append("collection_items(id, q)")
spring = items(api, cid, "datetime_", datetime_="2025-03/2025-04", limit=1000)
calls.append("collection_items(id, datetime_)")
open_end = items(api, cid, "datetime_ open", datetime_="2025-06-01T00:00:00Z/..", limit=1000)
after = items(api, cid, "datetime_ after", datetime_="2025-08-01/..", limit=1000)
twins = items(api, cid, "type", type="twin", limit=1000)
calls.append("collection_items(id, type)")
two = items(api, cid, "limit", limit=2)
calls.append("collection_items(id, limit=2)")
one = check("record", api.collection_item(cid, timed_id), "one record")
calls.append("collection_item(id, record id)")

# Negative controls: broken copies of a record the server sent must fail the same schema.
broken = {
    "without id": lambda r: r.pop("id"),
    "type not Feature": lambda r: r.update(type="Record"),
    "time interval of one end": lambda r: r.update(time={"interval": ["2025-01-31"]}),
    "title a number": lambda r: r["properties"].update(title=42),
    "updated not a date-time": lambda r: r["properties"].update(updated="gestern"),
}
negative = {}
for name, breaks in broken.items():
    record = copy.deepcopy(one)
    breaks(record)
    negative[name] = validators["record"].is_valid(record)

print(json.dumps({
    "calls": calls,
    "title": api.response.get("title"),
    "openapi": openapi.get("openapi"),
    "conformance": conformance,
    "recordCollections": record_collections,
    "collection": collection.get("itemType"),
    "queryables": sorted(queryables.get("properties", {})),
    "queryablesValid": queryables_valid,
    "numberMatched": pages[0]["numberMatched"],
    "pages": len(pages),
    "paged": len(seen),
    "pagedDistinct": len(set(seen)),
    "lastPageLinks": sorted(l["rel"] for l in pages[-1]["links"]),
    "twoLinks": sorted(l["rel"] for l in two["links"]),
    "twoReturned": two["numberReturned"],
    "hamburg": sorted(f["properties"]["title"] for f in hamburg["features"]),
    "query": sorted(f["properties"]["title"] for f in query["features"]),
    "spring": sorted(f["id"] for f in spring["features"]),
    "openEnd": sorted(f["id"] for f in open_end["features"]),
    "after": sorted(f["id"] for f in after["features"]),
    "twins": len(twins["features"]),
    "one": {"id": one.get("id"), "time": one.get("time")},
    "validated": checked,
    "schemaErrors": errors[:20],
    "brokenRecordValid": negative,
}, ensure_ascii=False))
