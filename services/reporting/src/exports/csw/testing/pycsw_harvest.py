"""Harvests a CSW into a fresh pycsw 2.6.2 through pycsw's own Harvest operation. Prints one JSON line.

pycsw runs in this process (its WSGI application, transactions enabled for 127.0.0.1) on a
SQLite repository of its own; the harvest itself goes over HTTP to the CSW under test, through
OWSLib as pycsw does it (GetCapabilities, GetRecords hits, then pages of 10, ISO when offered).

Usage: python pycsw_harvest.py <CSW URL> <work directory>
"""
import html
import io
import json
import re
import sqlite3
import subprocess
import sys
import os

from lxml import etree

source, home = sys.argv[1], sys.argv[2]
config = os.path.join(home, "pycsw.cfg")
with open(config, "w") as f:
    f.write(f"""[server]
home={home}
url=http://127.0.0.1/csw
mimetype=application/xml; charset=UTF-8
encoding=UTF-8
language=en-US
maxrecords=1000
loglevel=WARNING
logfile=
pretty_print=false
domainquerytype=list
domaincounts=false
profiles=apiso

[manager]
transactions=true
allowed_ips=127.0.0.1

[metadata:main]
identification_title=Harvest test
identification_abstract=pycsw harvesting the inventory's CSW
identification_keywords=catalogue
identification_keywords_type=theme
identification_fees=None
identification_accessconstraints=None
provider_name=Datenplattform-Inventar tests
provider_url=https://example.org/
contact_name=Tests
contact_position=Tests
contact_address=-
contact_city=-
contact_stateorprovince=-
contact_postalcode=-
contact_country=Germany
contact_phone=-
contact_fax=-
contact_email=tests@example.org
contact_url=https://example.org/
contact_hours=-
contact_instructions=-
contact_role=pointOfContact

[metadata:inspire]
enabled=false

[repository]
database=sqlite:///{home}/records.db
table=records
""")
admin = os.path.join(os.path.dirname(sys.executable), "pycsw-admin.py")
subprocess.run([sys.executable, admin, "-c", "setup_db", "-f", config], check=True,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.environ["PYCSW_CONFIG"] = config

from pycsw.wsgi import application  # noqa: E402  (after PYCSW_CONFIG)


def call(method, query="", body=b""):
    env = {
        "REQUEST_METHOD": method,
        "QUERY_STRING": query,
        "PATH_INFO": "/csw",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": "application/xml",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
    }
    status = {}
    chunks = application(env, lambda s, h: status.setdefault("status", s))
    return status["status"], b"".join(chunks).decode("utf-8")


harvest = f"""<?xml version="1.0" encoding="UTF-8"?>
<csw:Harvest xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2">
  <csw:Source>{source}</csw:Source>
  <csw:ResourceType>http://www.opengis.net/cat/csw/2.0.2</csw:ResourceType>
  <csw:ResourceFormat>application/xml</csw:ResourceFormat>
</csw:Harvest>""".encode("utf-8")
status, response = call("POST", body=harvest)
counts = {name: int(m.group(1)) if (m := re.search(rf"<csw:{name}>(\d+)<", response)) else None
          for name in ("totalInserted", "totalUpdated", "totalDeleted")}

_, hits = call("POST", body=b"""<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW"
 version="2.0.2" resultType="hits"><csw:Query typeNames="csw:Record"><csw:ElementSetName>brief</csw:ElementSetName>
 </csw:Query></csw:GetRecords>""")
matched = re.search(r'numberOfRecordsMatched="(\d+)"', hits)
if not matched:
    raise RuntimeError(f"pycsw answered the hits request with: {hits[:500]}")


def bbox(wkt):
    if not wkt:
        return None
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?", wkt)]
    xs, ys = numbers[0::2], numbers[1::2]
    return [min(xs), min(ys), max(xs), max(ys)]


db = sqlite3.connect(os.path.join(home, "records.db"))
records = {
    identifier: {"title": title, "bbox": bbox(wkt), "typename": typename, "schema": schema}
    for identifier, title, wkt, typename, schema in db.execute(
        "SELECT identifier, title, wkt_geometry, typename, schema FROM records")
}
# The ISO document pycsw stored for one record: what a pycsw client is served.
xml_of = {identifier: xml for identifier, xml in db.execute("SELECT identifier, xml FROM records")}
print(json.dumps({
    "status": status,
    "exception": re.search(r"<ows:ExceptionText>(.*?)</ows:ExceptionText>", response, re.S).group(1)
    if "ExceptionReport" in response else None,
    **counts,
    "served": int(matched.group(1)) if matched else None,
    "records": records,
    "lineage": {k: re.search(r"<gmd:statement>\s*<gco:CharacterString>(.*?)</gco:CharacterString>", v or "", re.S).group(1)
                if re.search(r"<gmd:statement>", v or "") else None for k, v in xml_of.items()},
    # Our provenance note in a harvested record's own document: kept by pycsw?
    # (pycsw stores the XML ASCII-encoded: character references.)
    "notes": {k: html.unescape(m.group(1)) if (m := re.search(
        r"<gmd:maintenanceNote[^>]*>\s*<gco:CharacterString>(.*?)</gco:CharacterString>", v or "", re.S)) else None
        for k, v in xml_of.items()},
}))
