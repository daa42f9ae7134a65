#!/usr/bin/env python3
"""Prints the POM of io.imgsign:imgsign-android: the Maven Central metadata of the JVM
artifact's pom (bindings-kotlin/pom.xml: name, url, licenses, developers, scm), packaging
aar, and the runtime dependencies of the AAR (JNA's AAR, kotlin-stdlib)."""

import copy
import xml.etree.ElementTree as ET
from pathlib import Path

NS = "http://maven.apache.org/POM/4.0.0"
ET.register_namespace("", NS)
q = lambda tag: f"{{{NS}}}{tag}"  # noqa: E731

jvm = ET.parse(Path(__file__).resolve().parents[2] / "bindings-kotlin" / "pom.xml").getroot()
props = {p.tag.split("}")[1]: p.text for p in jvm.find(q("properties"))}
pom = ET.Element(q("project"))
ET.SubElement(pom, q("modelVersion")).text = "4.0.0"
ET.SubElement(pom, q("groupId")).text = jvm.findtext(q("groupId"))
ET.SubElement(pom, q("artifactId")).text = "imgsign-android"
ET.SubElement(pom, q("version")).text = jvm.findtext(q("version"))
ET.SubElement(pom, q("packaging")).text = "aar"
ET.SubElement(pom, q("name")).text = "imgsign-android"
ET.SubElement(pom, q("description")).text = jvm.findtext(q("description")).replace("from Kotlin and Java", "on Android")
for tag in ("url", "inceptionYear", "licenses", "developers", "scm", "issueManagement"):
    pom.append(copy.deepcopy(jvm.find(q(tag))))
deps = ET.SubElement(pom, q("dependencies"))
for group, artifact, version, kind in (
    ("net.java.dev.jna", "jna", props["jna.version"], "aar"),
    ("org.jetbrains.kotlin", "kotlin-stdlib", props["kotlin.version"], None),
):
    d = ET.SubElement(deps, q("dependency"))
    ET.SubElement(d, q("groupId")).text = group
    ET.SubElement(d, q("artifactId")).text = artifact
    ET.SubElement(d, q("version")).text = version
    if kind:
        ET.SubElement(d, q("type")).text = kind
ET.indent(pom)
print('<?xml version="1.0" encoding="UTF-8"?>')
print(ET.tostring(pom, encoding="unicode"))
