"""Reads harvested records back with OWSLib's CatalogueServiceWeb (GetRecordById, outputSchema gmd,
ElementSetName full) and compares each with the record of the same fileIdentifier in the source
file, both parsed independently with lxml: fileIdentifier, title, abstract, keywords and the
metadata contact (exclusive C14N, so the namespaces around it do not matter). Prints one JSON line:
per asked id, OWSLib's reading and the list of parts that differ (empty: the same content), and the
provenance note found.

Usage: python owslib_harvested.py <CSW URL> <source file> <id> [<id> ...]
"""
import json
import sys

from lxml import etree
from owslib.csw import CatalogueServiceWeb
from owslib.iso import MD_Metadata

GMD = "http://www.isotc211.org/2005/gmd"
NS = {"gmd": GMD, "gco": "http://www.isotc211.org/2005/gco", "gmx": "http://www.isotc211.org/2005/gmx"}
url, source, ids = sys.argv[1], sys.argv[2], sys.argv[3:]
parser = etree.XMLParser(resolve_entities=False, no_network=True)


def text(md, path):
    found = md.find(path, NS)
    return None if found is None else "".join(found.itertext())


def parts(md):
    ident = "gmd:identificationInfo/*/"
    return {
        "fileIdentifier": text(md, "gmd:fileIdentifier/gco:CharacterString"),
        "title": text(md, ident + "gmd:citation/gmd:CI_Citation/gmd:title/*"),
        "abstract": text(md, ident + "gmd:abstract/*"),
        "keywords": ["".join(k.itertext()) for k in md.findall(ident + "gmd:descriptiveKeywords/gmd:MD_Keywords/gmd:keyword/*", NS)],
        "contact": etree.tostring(md.find("gmd:contact", NS), method="c14n", exclusive=True).decode(),
    }


def owslib_view(record):
    """What OWSLib reads of an MD_Metadata."""
    ident = record.identification[0] if isinstance(record.identification, list) else record.identification
    return {
        "identifier": record.identifier,
        "title": ident.title,
        "abstract": ident.abstract,
        # OWSLib 0.28: a dict per gmd:descriptiveKeywords, its keywords as strings.
        "keywords": sorted({str(k) for group in ident.keywords for k in group["keywords"]}),
    }


sources, source_views = {}, {}
for md in etree.parse(source, parser).getroot().iter(f"{{{GMD}}}MD_Metadata"):
    key = text(md, "gmd:fileIdentifier/gco:CharacterString")
    sources[key] = parts(md)
    source_views[key] = owslib_view(MD_Metadata(md))

csw = CatalogueServiceWeb(url, timeout=120)
out = {}
for rid in ids:
    csw.getrecordbyid(id=[rid], esn="full", outputschema=GMD)
    records = list(csw.records.values())
    if len(records) != 1:
        out[rid] = {"records": len(records)}
        continue
    record = records[0]
    served = etree.fromstring(record.xml, parser)
    ours = parts(served)
    theirs = sources.get(ours["fileIdentifier"])
    out[rid] = {
        "records": 1,
        "owslib": owslib_view(record),
        # OWSLib's reading of the source file's record of the same fileIdentifier.
        "owslibSource": source_views.get(ours["fileIdentifier"]),
        "differs": None if theirs is None else sorted(k for k in ours if ours[k] != theirs[k]),
        "note": text(served, "gmd:metadataMaintenance/gmd:MD_MaintenanceInformation/gmd:maintenanceNote/gco:CharacterString"),
    }
print(json.dumps(out))
