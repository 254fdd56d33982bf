"""Validates the CSW's responses against the XML Schemas pycsw 2.6.2 ships (offline): CSW 2.0.2
(CSW-discovery.xsd with record.xsd, OWS 1.0, Filter 1.1) and ISO 19139 (gmd + srv, 2006-05-04).
Prints one JSON line: per document the number of errors (and the first few), plus two negative
controls that must fail (a csw:Record with an unknown element, an MD_Metadata without gmd:contact).

A record whose fileIdentifier is one of the source file's (a harvested record served as the source
wrote it) passes when it has no error that the source's own document, validated alike, does not
have: what we add must be valid, what the source wrote is the source's.

Usage: python validate_csw.py <CSW URL> [<source file of harvested records>]
"""
import copy
import json
import os
import sys
import urllib.parse
import urllib.request

import pycsw
from lxml import etree

url = sys.argv[1]
source_file = sys.argv[2] if len(sys.argv) > 2 else None
PYCSW = os.path.dirname(pycsw.__file__)
CSW_XSD = os.path.join(PYCSW, "core/schemas/ogc/csw/2.0.2/CSW-discovery.xsd")
OWS_XSD = os.path.join(PYCSW, "core/schemas/ogc/ows/1.0.0/owsExceptionReport.xsd")
ISO = os.path.join(PYCSW, "plugins/profiles/apiso/schemas/ogc/iso/19139/20060504")
NS = {"gmd": "http://www.isotc211.org/2005/gmd", "csw": "http://www.opengis.net/cat/csw/2.0.2"}

parser = etree.XMLParser(resolve_entities=False, no_network=True)


def schema(path):
    return etree.XMLSchema(etree.parse(path, parser))


def iso_schema():
    # gmd and srv in one schema set (srv.xsd imports gmd). Not together with the CSW schemas:
    # those import GML 3.1.1, ISO 19139 (2006) a GML 3.2 of the same namespace.
    wrapper = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:wrapper">
      <xs:import namespace="http://www.isotc211.org/2005/gmd" schemaLocation="file://{ISO}/gmd/gmd.xsd"/>
      <xs:import namespace="http://www.isotc211.org/2005/srv" schemaLocation="file://{ISO}/srv/srv.xsd"/>
    </xs:schema>"""
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), parser, base_url=f"{ISO}/"))


csw_schema, ows_schema, iso = schema(CSW_XSD), schema(OWS_XSD), iso_schema()


def get(params):
    with urllib.request.urlopen(f"{url}?{urllib.parse.urlencode(params)}", timeout=120) as r:
        return etree.fromstring(r.read(), parser)


def get_error(params):
    try:
        urllib.request.urlopen(f"{url}?{urllib.parse.urlencode(params)}", timeout=120)
    except urllib.error.HTTPError as e:
        return etree.fromstring(e.read(), parser)
    raise RuntimeError("expected an ExceptionReport")


def check(schema_, doc):
    ok = schema_.validate(doc)
    return {"errors": 0 if ok else len(schema_.error_log), "first": [str(e) for e in list(schema_.error_log)[:3]]}


out = {}
base = {"service": "CSW", "version": "2.0.2"}
records = {**base, "request": "GetRecords", "resultType": "results", "maxRecords": "500"}
out["capabilities"] = check(csw_schema, get({"service": "CSW", "request": "GetCapabilities"}))
for esn in ("brief", "summary", "full"):
    out[f"dc-{esn}"] = check(csw_schema, get({**records, "ElementSetName": esn}))
out["describeRecord"] = check(csw_schema, get({**base, "request": "DescribeRecord"}))
out["exception"] = check(ows_schema, get_error({**base, "request": "GetRecords", "resultType": "many"}))

GCO_ID = "gmd:fileIdentifier/{http://www.isotc211.org/2005/gco}CharacterString"


def messages(doc):
    return set() if iso.validate(doc) else {e.message for e in iso.error_log}


source_errors = {}
if source_file:
    for md in etree.parse(source_file, parser).getroot().iter(f"{{{NS['gmd']}}}MD_Metadata"):
        source_errors[md.findtext(GCO_ID, namespaces=NS)] = messages(etree.ElementTree(copy.deepcopy(md)))

iso_docs = {}
for esn in ("brief", "summary", "full"):
    response = get({**records, "ElementSetName": esn, "outputSchema": NS["gmd"], "typeNames": "gmd:MD_Metadata"})
    metadata = response.findall(".//gmd:MD_Metadata", NS)
    # The envelope against CSW, each record against ISO 19139.
    envelope = copy.deepcopy(response)
    for md in envelope.findall(".//gmd:MD_Metadata", NS):
        md.getparent().remove(md)
    out[f"iso-{esn}-response"] = check(csw_schema, envelope)
    iso_docs[esn] = metadata
    failures, as_harvested = [], 0
    for md in metadata:
        doc = etree.ElementTree(copy.deepcopy(md))
        fid = md.findtext(GCO_ID, namespaces=NS)
        if fid in source_errors:
            as_harvested += 1
            added = messages(doc) - source_errors[fid]
            failures.extend(f"{fid}: {m}" for m in sorted(added))
        elif not iso.validate(doc):
            failures.append(str(iso.error_log[0]))
    out[f"iso-{esn}"] = {"records": len(metadata), "errors": len(failures), "first": failures[:3],
                         "asHarvested": as_harvested}

# Negative controls: each must be invalid.
dc = get({**records, "ElementSetName": "full"})
record = dc.find(".//csw:Record", NS)
etree.SubElement(record, "{http://www.opengis.net/cat/csw/2.0.2}Unknown")
out["negativeDc"] = check(csw_schema, dc)
md = copy.deepcopy(iso_docs["full"][0])
md.remove(md.find("gmd:contact", NS))
out["negativeIso"] = {"errors": 0 if iso.validate(etree.ElementTree(md)) else len(iso.error_log)}
# A record served as harvested, our maintenance information broken (its frequency removed): an
# error its source does not have.
harvested = [m for m in iso_docs["full"] if m.findtext(GCO_ID, namespaces=NS) in source_errors]
if harvested:
    md = copy.deepcopy(harvested[0])
    info = md.find("gmd:metadataMaintenance/gmd:MD_MaintenanceInformation", NS)
    info.remove(info.find("gmd:maintenanceAndUpdateFrequency", NS))
    out["negativeAsHarvested"] = {"errors": len(messages(etree.ElementTree(md)) - source_errors[md.findtext(GCO_ID, namespaces=NS)])}
print(json.dumps(out))
