"""Reads the service's OGC API – Records with OWSLib's client. Prints one JSON line.

Usage: python owslib_records.py <landing page URL ending in />
"""
import json
import sys

from owslib.ogcapi.records import Records

api = Records(sys.argv[1])
record_collections = api.records()
collection_id = record_collections[0]
everything = api.collection_items(collection_id, limit=1000)
first_page = api.collection_items(collection_id, limit=2)
hamburg = api.collection_items(collection_id, bbox=[9.7, 53.3, 10.4, 53.8], limit=1000)
query = api.collection_items(collection_id, q="Elbe", limit=1000)
twins = api.collection_items(collection_id, type="twin", limit=1000)
one = api.collection_item(collection_id, everything["features"][0]["id"])
print(json.dumps({
    "title": api.response.get("title"),
    "conformance": api.conformance().get("conformsTo", []),
    "recordCollections": record_collections,
    "collection": api.collection(collection_id).get("itemType"),
    "numberMatched": everything.get("numberMatched"),
    "returned": len(everything["features"]),
    "firstPageLinks": sorted(link["rel"] for link in first_page.get("links", [])),
    "hamburg": sorted(f["properties"]["title"] for f in hamburg["features"]),
    "query": sorted(f["properties"]["title"] for f in query["features"]),
    "twins": len(twins["features"]),
    "oneId": one.get("id"),
    "firstId": everything["features"][0]["id"],
}))
