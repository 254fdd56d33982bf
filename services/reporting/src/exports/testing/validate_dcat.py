"""Validates a DCAT-AP.de document with pyshacl against the official DCAT-AP.de 3.0 shapes, offline.

Usage: python validate_dcat.py <data file> <turtle|json-ld> <shapes dir> [--drop-licences]

Loads the shapes files of the release (German additions, controlled vocabularies, deprecations and
the German messages/deactivations of the DCAT-AP layer) but not dcat-ap-de-imports.ttl: its
owl:imports point online and pyshacl is told not to follow imports. Prints one JSON line.
`--drop-licences` removes every dct:license first (a negative control: must not conform).
"""
import json
import sys

from pyshacl import validate
from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, RDF

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = [
    "dcat-ap-SHACL-DE.ttl",
    "dcat-ap-de-controlledvocabularies.ttl",
    "dcat-ap-spec-german-additions.ttl",
    "dcat-ap-de-deprecated.ttl",
]

data_file, fmt, shapes_dir = sys.argv[1:4]
data = Graph().parse(data_file, format=fmt)
if "--drop-licences" in sys.argv:
    data.remove((None, DCTERMS.license, None))
shapes = Graph()
for name in SHAPES:
    shapes.parse(f"{shapes_dir}/{name}", format="turtle")

conforms, results, text = validate(
    data,
    shacl_graph=shapes,
    inference="none",
    allow_warnings=True,
    do_owl_imports=False,
    meta_shacl=False,
)
severities = {"Violation": 0, "Warning": 0, "Info": 0}
messages = []
for result in results.subjects(RDF.type, SH.ValidationResult):
    severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
    severities[severity] = severities.get(severity, 0) + 1
    messages.append(f"{severity}: {results.value(result, SH.resultMessage)} ({results.value(result, SH.focusNode)})")

DCAT = Namespace("http://www.w3.org/ns/dcat#")
print(json.dumps({
    "conforms": bool(conforms),
    "violations": severities["Violation"],
    "warnings": severities["Warning"],
    "infos": severities["Info"],
    "messages": messages[:20],
    "triples": len(data),
    "datasets": len(set(data.subjects(RDF.type, DCAT.Dataset))),
    "distributions": len(set(data.subjects(RDF.type, DCAT.Distribution))),
    "services": len(set(data.subjects(RDF.type, DCAT.DataService))),
    "shapes": len(shapes),
}))
