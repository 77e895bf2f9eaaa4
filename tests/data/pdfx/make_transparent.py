#!/usr/bin/env python3
"""Writes transparent.json, the qpdf JSON (v2) of a one-page file that claims PDF/X-1a:2001
and uses every kind of transparency that standard forbids; qpdf turns it into the PDF:

    python3 make_transparent.py
    qpdf --json-input --deterministic-id --object-streams=disable --force-version=1.3 \
        transparent.json transparent.pdf

Everything else in it is as PDF/X-1a:2001 asks (Info keys, a registered output condition,
TrimBox and BleedBox, CMYK colour, a 300 ppi image), so the transparency is all that is
wrong with it (tests/pdfx/transparency_test.cpp)."""
import base64
import json
import zlib


def data(raw):
    return base64.b64encode(raw).decode()


W, H = 100, 60  # placed at 24 × 14.4 pt: 300 ppi
image = bytes(v for i in range(W * H) for v in ((0, 255, 0, 0) if (i % W) < W // 2 else (255, 0, 0, 0)))
mask = bytes((x * 255) // (W - 1) for y in range(H) for x in range(W))  # a soft ramp
content = b"q /GSa gs 0 0 0 1 k 20 20 100 60 re f Q\nq 24 0 0 14.4 150 20 cm /Im1 Do Q\nq /Fm1 Do Q\n"
form = b"0 1 0 0 k 30 110 60 40 re f\n"
group = {"/Type": "/Group", "/S": "/Transparency", "/CS": "/DeviceCMYK"}
objects = {
    "obj:1 0 R": {"value": {"/Type": "/Catalog", "/Pages": "2 0 R", "/OutputIntents": ["7 0 R"]}},
    "obj:2 0 R": {"value": {"/Type": "/Pages", "/Kids": ["3 0 R"], "/Count": 1}},
    "obj:3 0 R": {"value": {
        "/Type": "/Page", "/Parent": "2 0 R", "/MediaBox": [0, 0, 300, 200],
        "/TrimBox": [10, 10, 290, 190], "/BleedBox": [5, 5, 295, 195], "/Group": group,
        "/Resources": {"/ExtGState": {"/GSa": "5 0 R"}, "/XObject": {"/Im1": "6 0 R", "/Fm1": "8 0 R"}},
        "/Contents": "4 0 R"}},
    "obj:4 0 R": {"stream": {"dict": {}, "data": data(content)}},
    # Opacity and a blend mode (ISO 32000-1 Table 58).
    "obj:5 0 R": {"value": {"/Type": "/ExtGState", "/ca": 0.5, "/CA": 0.5, "/BM": "/Multiply"}},
    # An image with a soft mask.
    "obj:6 0 R": {"stream": {"dict": {
        "/Type": "/XObject", "/Subtype": "/Image", "/Width": W, "/Height": H, "/ColorSpace": "/DeviceCMYK",
        "/BitsPerComponent": 8, "/Filter": "/FlateDecode", "/SMask": "9 0 R"}, "data": data(zlib.compress(image, 9))}},
    # A registered characterisation without its profile: PDF/X-1a:2001 allows it.
    "obj:7 0 R": {"value": {
        "/Type": "/OutputIntent", "/S": "/GTS_PDFX", "/OutputConditionIdentifier": "u:CGATS TR 001",
        "/RegistryName": "u:http://www.color.org", "/OutputCondition": "u:SWOP (Publication) Grade 5 Paper",
        "/Info": "u:CGATS TR 001"}},
    # A form that is a transparency group.
    "obj:8 0 R": {"stream": {"dict": {
        "/Type": "/XObject", "/Subtype": "/Form", "/BBox": [0, 0, 300, 200], "/Group": group, "/Resources": {}},
        "data": data(form)}},
    "obj:9 0 R": {"stream": {"dict": {
        "/Type": "/XObject", "/Subtype": "/Image", "/Width": W, "/Height": H, "/ColorSpace": "/DeviceGray",
        "/BitsPerComponent": 8, "/Filter": "/FlateDecode"}, "data": data(zlib.compress(mask, 9))}},
    "obj:10 0 R": {"value": {
        "/Title": "u:transparency in a PDF/X-1a:2001 file", "/Creator": "u:make_transparent.py",
        "/Producer": "u:qpdf", "/CreationDate": "u:D:20240105000000Z", "/ModDate": "u:D:20240105000000Z",
        "/Trapped": "/False", "/GTS_PDFXVersion": "u:PDF/X-1:2001", "/GTS_PDFXConformance": "u:PDF/X-1a:2001"}},
    "trailer": {"value": {"/Root": "1 0 R", "/Info": "10 0 R", "/Size": 11}},
}
header = {"jsonversion": 2, "pdfversion": "1.3", "pushedinheritedpageresources": False,
          "calledgetallpages": False, "maxobjectid": 10}
with open("transparent.json", "w") as out:
    json.dump({"qpdf": [header, objects]}, out, indent=1, sort_keys=True)
    out.write("\n")
