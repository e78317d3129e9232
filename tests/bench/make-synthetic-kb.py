#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes one knowledge-base file N times the size of the shipped one, for the load benchmark.

Every shipped file is merged into one <kb>, then copied N times with every id and every
reference renamed (ID -> ID-cK), so the result is a valid, fully cross-referenced KB.
Usage: make-synthetic-kb.py DATA_KB_DIR N OUTPUT
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

src, copies, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
entries = []
for path in sorted(src.glob("*.xml")):
    root = ET.parse(path).getroot()
    entries.extend(list(root))

ID_ATTRS = ("id", "ref", "cite")
LIST_ATTRS = ("regions", "symptoms")

def rename(elem, suffix):
    for attr in ID_ATTRS:
        if attr in elem.attrib:
            elem.attrib[attr] = elem.attrib[attr] + suffix
    for attr in LIST_ATTRS:
        if attr in elem.attrib:
            elem.attrib[attr] = " ".join(i + suffix for i in elem.attrib[attr].split())
    for child in elem:
        rename(child, suffix)

kb = ET.Element("kb", version="1")
for k in range(copies):
    for entry in entries:
        copy = ET.fromstring(ET.tostring(entry))
        rename(copy, f"-c{k}")
        kb.append(copy)

ET.indent(kb)
out.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(kb, encoding="utf-8"))
