"""Reads the service's CSW 2.0.2 with OWSLib's CatalogueServiceWeb. Prints one JSON line.

Usage: python owslib_csw.py <CSW URL> [page size]
"""
import json
import sys

from owslib.csw import CatalogueServiceWeb
from owslib.fes import BBox, Not, PropertyIsEqualTo, PropertyIsLike, SortBy, SortProperty

GMD = "http://www.isotc211.org/2005/gmd"
url = sys.argv[1]
page_size = int(sys.argv[2]) if len(sys.argv) > 2 else 7

csw = CatalogueServiceWeb(url, timeout=120)
out = {
    "title": csw.identification.title,
    "type": csw.identification.type,
    "version": csw.identification.version,
    "operations": sorted(op.name for op in csw.operations),
    "outputSchemas": csw.get_operation_by_name("GetRecords").parameters["outputSchema"]["values"],
}


def dc_titles(**kwargs):
    csw.getrecords2(esn="full", maxrecords=100, **kwargs)
    return sorted(r.title for r in csw.records.values())


def iso_ident(record):
    ident = record.identification
    return ident[0] if isinstance(ident, list) else ident


# Constraints: PropertyIsLike on AnyText, BBox (lat/lon without CRS as pycsw reads it, and CRS84),
# PropertyIsEqualTo on Title, And/Not, CQL.
out["anyText"] = dc_titles(constraints=[PropertyIsLike("csw:AnyText", "%Elbe%")])
out["bboxLatLon"] = dc_titles(constraints=[BBox([53.3, 9.7, 53.8, 10.4])])
out["bboxCrs84"] = dc_titles(
    constraints=[BBox([9.7, 53.3, 10.4, 53.8], crs="urn:ogc:def:crs:OGC:1.3:CRS84")]
)
out["titleEquals"] = dc_titles(constraints=[PropertyIsEqualTo("dc:title", "Geoportal Bayern")])
out["andNot"] = dc_titles(
    constraints=[[PropertyIsLike("csw:AnyText", "%Elbe%"), Not([PropertyIsLike("dc:title", "%Zwilling%")])]]
)
out["or"] = dc_titles(
    constraints=[PropertyIsEqualTo("dc:title", "Geoportal Bayern"), PropertyIsLike("dc:title", "Digitaler%")]
)
out["cql"] = dc_titles(cql="csw:AnyText LIKE '%Elbe%'")
csw.getrecords2(
    esn="brief", maxrecords=3, sortby=SortBy([SortProperty("dc:title", "DESC")]),
    constraints=[PropertyIsLike("dc:title", "Massendatensatz%")],
)
out["sortedDesc"] = [r.title for r in csw.records.values()]

# Hits.
csw.getrecords2(resulttype="hits")
out["hits"] = csw.results["matches"]

# Paging to the end, in each output schema.
for schema, key in (("http://www.opengis.net/cat/csw/2.0.2", "dc"), (GMD, "iso")):
    seen, start, pages, last_next = {}, 1, 0, None
    while True:
        kwargs = dict(startposition=start, maxrecords=page_size, esn="full", outputschema=schema)
        if schema == GMD:
            kwargs["typenames"] = "gmd:MD_Metadata"
        csw.getrecords2(**kwargs)
        pages += 1
        for rid, rec in csw.records.items():
            if schema == GMD:
                ident = iso_ident(rec)
                # OWSLib sets .bbox only when the identification has an extent.
                box = getattr(ident, "bbox", None) if ident is not None else None
                seen[rid] = {
                    "title": ident.title if ident is not None else None,
                    "bbox": [float(box.minx), float(box.miny), float(box.maxx), float(box.maxy)] if box else None,
                }
            else:
                box = rec.bbox
                seen[rid] = {
                    "title": rec.title,
                    "bbox": [float(box.minx), float(box.miny), float(box.maxx), float(box.maxy)] if box else None,
                }
        last_next = csw.results["nextrecord"]
        if not last_next:
            break
        start = last_next
        if pages > 10000:
            raise RuntimeError("paging does not end")
    out[key] = {"matched": csw.results["matches"], "pages": pages, "lastNextRecord": last_next, "records": seen}

# GetRecordById, both schemas.
some = sorted(out["dc"]["records"])[0]
csw.getrecordbyid(id=[some], esn="full")
out["byIdDc"] = {k: v.title for k, v in csw.records.items()}
csw.getrecordbyid(id=[some], esn="full", outputschema=GMD)
out["byIdIso"] = {k: iso_ident(v).title for k, v in csw.records.items()}
out["byIdAsked"] = some
print(json.dumps(out))
