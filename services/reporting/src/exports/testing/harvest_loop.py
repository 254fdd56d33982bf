"""Reads a hydra-paged DCAT catalogue the way ckanext-dcat's harvester does, once per RDF format,
and checks that every format gives the same graph.

Usage: python harvest_loop.py <catalogue URL> [--accept TYPE ...]

Per format: HEAD the page (status, Content-Type), GET it with that `Accept`, parse the body by the
Content-Type it came with (rdflib), follow hydra:nextPage until there is none. The pages of one
format are merged into one graph; rdflib's `isomorphic` compares the formats' graphs (blank nodes
included). Prints one JSON line: per format pages, triples, datasets, seconds; `isomorphic`.
"""
import argparse
import json
import sys
import time
import urllib.request

from rdflib import Graph, Namespace
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

DCAT = Namespace("http://www.w3.org/ns/dcat#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
PARSERS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
}


def request(url: str, method: str, accept: str):
    return urllib.request.urlopen(
        urllib.request.Request(url, method=method, headers={"Accept": accept}), timeout=300
    )


def harvest(start: str, accept: str) -> dict:
    graph, pages, url, seen, started = Graph(), 0, start, set(), time.monotonic()
    while url:
        if url in seen:
            raise RuntimeError(f"{accept}: hydra:nextPage loops back to {url}")
        seen.add(url)
        with request(url, "HEAD", accept) as head:
            if head.status != 200:
                raise RuntimeError(f"HEAD {url}: {head.status}")
            head_type = head.headers.get_content_type()
        with request(url, "GET", accept) as response:
            media = response.headers.get_content_type()
            if media != head_type:
                raise RuntimeError(f"{url}: HEAD said {head_type}, GET sent {media}")
            if media not in PARSERS:
                raise RuntimeError(f"{url}: no parser for Content-Type {media}")
            page = Graph().parse(data=response.read(), format=PARSERS[media], publicID=url)
        pages += 1
        nxt = [o for s in page.subjects(RDF.type, HYDRA.PagedCollection)
               for o in page.objects(s, HYDRA.nextPage)]
        graph += page
        url = str(nxt[0]) if nxt else None
    return {
        "graph": graph,
        "contentType": media,
        "pages": pages,
        "triples": len(graph),
        "datasets": len(set(graph.subjects(RDF.type, DCAT.Dataset))),
        "services": len(set(graph.subjects(RDF.type, DCAT.DataService))),
        "seconds": round(time.monotonic() - started, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--accept", action="append", help="media types (default: all four)")
    parser.add_argument("--no-compare", action="store_true", help="skip the isomorphism check")
    args = parser.parse_args()
    accepts = args.accept or list(PARSERS)
    results = {accept: harvest(args.url, accept) for accept in accepts}
    first = results[accepts[0]]["graph"]
    same = None if args.no_compare else {
        accept: isomorphic(first, r["graph"]) for accept, r in results.items()
    }
    # Where graphs differ, a few triples each side lacks (plain set difference: blank nodes aside).
    differences = {
        accept: {
            "missing": [" ".join(t.n3() for t in x) for x in list(first - r["graph"])[:5]],
            "extra": [" ".join(t.n3() for t in x) for x in list(r["graph"] - first)[:5]],
        }
        for accept, r in results.items() if same and not same[accept]
    }
    print(json.dumps({
        "formats": {a: {k: v for k, v in r.items() if k != "graph"} for a, r in results.items()},
        "isomorphic": same,
        "differences": differences,
    }))
    return 0 if same is None or all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
