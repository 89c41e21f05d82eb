#!/usr/bin/env python3
"""Strip outputs, execution counts and editor metadata from notebooks before commit.

Why: committed notebooks are read in review and diffed; outputs (images, HTML pages of
the interactive graph) would bloat the repository and go stale, and the tests execute
the notebooks anyway. ``--check`` exits 1 (listing the files) when a notebook is not
stripped, for CI and the test suite.

    python scripts/strip_notebooks.py                  # every notebooks/*.ipynb, in place
    python scripts/strip_notebooks.py --check          # report, change nothing
    python scripts/strip_notebooks.py path.ipynb ...   # given files only
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Notebook-level metadata worth keeping: which kernel and language run it.
KEEP_METADATA = ("kernelspec", "language_info")


def strip(notebook: dict[str, Any]) -> dict[str, Any]:
    """The notebook without outputs, execution counts, cell metadata or editor metadata."""
    out = dict(notebook)
    out["metadata"] = {
        k: _language_info(v) if k == "language_info" else v
        for k, v in notebook.get("metadata", {}).items()
        if k in KEEP_METADATA
    }
    cells = []
    for cell in notebook.get("cells", []):
        cell = dict(cell)
        cell["metadata"] = {}
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        if not cell.get("attachments"):
            cell.pop("attachments", None)
        cells.append(cell)
    out["cells"] = cells
    return out


def _language_info(info: dict[str, Any]) -> dict[str, Any]:
    """Only the language name: the version and codemirror details change per machine."""
    return {"name": info.get("name", "python")}


def dumps(notebook: dict[str, Any]) -> str:
    """nbformat's own on-disk layout (1-space indent, sorted keys, trailing newline)."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def is_stripped(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return text == dumps(strip(json.loads(text)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default notebooks/*.ipynb)")
    parser.add_argument("--check", action="store_true", help="only report unstripped notebooks")
    args = parser.parse_args(argv)
    paths = args.paths or sorted((ROOT / "notebooks").glob("*.ipynb"))
    dirty = []
    for path in paths:
        if is_stripped(path):
            continue
        dirty.append(path)
        if not args.check:
            text = dumps(strip(json.loads(path.read_text(encoding="utf-8"))))
            path.write_text(text, encoding="utf-8")
    verb = "not stripped" if args.check else "stripped"
    for path in dirty:
        print(f"{verb}: {path}", file=sys.stderr)
    return 1 if (args.check and dirty) else 0


if __name__ == "__main__":
    sys.exit(main())
