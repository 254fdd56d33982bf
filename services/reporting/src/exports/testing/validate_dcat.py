"""Validates a DCAT-AP.de catalogue with pyshacl the way GovData does: the European DCAT-AP 3.0.0
base shapes plus the DCAT-AP.de 3.0 files, offline.

Usage:
  python validate_dcat.py <file or http(s) URL> [--format F] [--strip title|description|licence]
      [--shapes-base DIR] [--shapes-de DIR] [--json]

A URL is read like ckanext-dcat reads it: every page, following hydra:nextPage, each parsed by the
Content-Type it is served with. A file is parsed by --format or its extension.

Why both shape sets: dcat-ap-SHACL-DE.ttl holds no constraints of its own, it only adds German
messages, severities and deactivations to the base shapes (same shape IRIs); on its own it finds
nothing, not even a dataset without a title. dcat-ap-de-imports.ttl is not loaded: its owl:imports
point online and pyshacl is told not to follow imports.

`--strip P` removes P (dct:title, dct:description, or dct:license of the dataset and its
distributions) from the first dataset (by IRI): a negative control that must not conform.

Prints a summary (one JSON line with --json) and exits 1 when the catalogue does not conform
(violations), 2 on a usage or fetch error; warnings alone do not fail.
"""
import argparse
import json
import sys
import urllib.request
from collections import Counter
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

SH = Namespace("http://www.w3.org/ns/shacl#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")

ROOT = Path(__file__).resolve().parents[5]
SHARED = Path(ROOT.parent, "shared", "fixtures")
BASE_SHAPES = ["dcat-ap-SHACL.ttl"]
DE_SHAPES = [
    "dcat-ap-SHACL-DE.ttl",
    "dcat-ap-de-controlledvocabularies.ttl",
    "dcat-ap-spec-german-additions.ttl",
    "dcat-ap-de-deprecated.ttl",
]
FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
}
EXTENSIONS = {".ttl": "turtle", ".jsonld": "json-ld", ".rdf": "xml", ".nt": "nt"}
STRIP = {"title": [DCTERMS.title], "description": [DCTERMS.description], "licence": [DCTERMS.license]}


def fetch_catalogue(url: str) -> tuple[Graph, int]:
    """All pages of a hydra-paged catalogue, merged; parsed by each response's Content-Type."""
    graph, pages, seen = Graph(), 0, set()
    while url and url not in seen:
        seen.add(url)
        request = urllib.request.Request(url, headers={"Accept": "text/turtle"})
        with urllib.request.urlopen(request, timeout=120) as response:
            media = response.headers.get_content_type()
            if media not in FORMATS:
                raise SystemExit(f"{url}: unexpected Content-Type {media}")
            page = Graph().parse(data=response.read(), format=FORMATS[media], publicID=url)
        pages += 1
        nxt = next(
            (o for s in page.subjects(RDF.type, HYDRA.PagedCollection)
             for o in page.objects(s, HYDRA.nextPage)),
            None,
        )
        # The paging node is about the page, not the catalogue: leave it out of the merged graph.
        for s in list(page.subjects(RDF.type, HYDRA.PagedCollection)):
            page.remove((s, None, None))
        graph += page
        url = str(nxt) if nxt else None
    return graph, pages


def strip_first_dataset(data: Graph, what: str) -> str:
    dataset = min(data.subjects(RDF.type, DCAT.Dataset), key=str)
    targets = [dataset]
    if what == "licence":
        targets += list(data.objects(dataset, DCAT.distribution))
    for node in targets:
        for predicate in STRIP[what]:
            data.remove((node, predicate, None))
    return str(dataset)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source")
    parser.add_argument("--format", choices=sorted(set(EXTENSIONS.values())))
    parser.add_argument("--strip", choices=sorted(STRIP))
    parser.add_argument("--shapes-base", default=str(SHARED / "dcat-ap-3.0.0-semic"))
    parser.add_argument("--shapes-de", default=str(SHARED / "dcat-ap-de-3.0" / "shacl"))
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()

    pages = 1
    if args.source.startswith(("http://", "https://")):
        data, pages = fetch_catalogue(args.source)
    else:
        fmt = args.format or EXTENSIONS.get(Path(args.source).suffix)
        if not fmt:
            parser.error("unknown format: give --format")
        data = Graph().parse(args.source, format=fmt)
    stripped = strip_first_dataset(data, args.strip) if args.strip else None

    shapes = Graph()
    for name in BASE_SHAPES:
        shapes.parse(Path(args.shapes_base, name), format="turtle")
    base_triples = len(shapes)
    for name in DE_SHAPES:
        shapes.parse(Path(args.shapes_de, name), format="turtle")

    conforms, results, _ = validate(
        data,
        shacl_graph=shapes,
        inference="none",
        allow_warnings=True,
        do_owl_imports=False,
        meta_shacl=False,
    )
    severities: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        severities[severity] += 1
        focus = results.value(result, SH.focusNode)
        types = sorted(str(t).rsplit("#", 1)[-1] for t in data.objects(focus, RDF.type)) or ["-"]
        message = results.value(result, SH.resultMessage)
        path = results.value(result, SH.resultPath)
        kinds[f"{severity}: {'/'.join(types)} {path}: {message}"] += 1

    report = {
        "conforms": bool(conforms),
        "violations": severities["Violation"],
        "warnings": severities["Warning"],
        "infos": severities["Info"],
        # Distinct findings with their counts, most frequent first.
        "messages": [f"{n}× {text}" for text, n in kinds.most_common(30)],
        "pages": pages,
        "triples": len(data),
        "datasets": len(set(data.subjects(RDF.type, DCAT.Dataset))),
        "distributions": len(set(data.subjects(RDF.type, DCAT.Distribution))),
        "services": len(set(data.subjects(RDF.type, DCAT.DataService))),
        "shapes": len(shapes),
        "baseShapes": base_triples,
        "stripped": stripped,
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(
            f"{'conforms' if conforms else 'DOES NOT CONFORM'}: {report['violations']} violations, "
            f"{report['warnings']} warnings, {report['infos']} infos — {report['datasets']} datasets, "
            f"{report['services']} data services, {report['triples']} triples in {pages} page(s)"
        )
        for line in report["messages"]:
            print(f"  {line}")
    return 0 if conforms else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError) as error:
        print(f"validate_dcat: {error}", file=sys.stderr)
        sys.exit(2)
