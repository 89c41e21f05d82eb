"""Fail when tests that need real parts (Neo4j, Chromium, notebooks) were skipped.

Reads pytest's JUnit XML. Used by scripts/test in CI, where every real part is installed
by the project's own scripts, so such a skip means an install step is missing.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

REAL_PARTS = ("neo4j", "browser", "notebook")


def main(path: str) -> int:
    root = ET.parse(path).getroot()
    bad = []
    for case in root.iter("testcase"):
        skipped = case.find("skipped")
        name = f"{case.get('classname')}::{case.get('name')}"
        if skipped is not None and any(part in name.lower() for part in REAL_PARTS):
            bad.append(f"{name}: {skipped.get('message')}")
    for line in bad:
        print(f"check_skips: skipped in CI: {line}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
