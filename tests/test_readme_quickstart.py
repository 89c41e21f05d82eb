"""The README's first command, as a new user runs it (after its `pip install -e .`).

The quick start is the project's promise: this runs the README's own text, so a change to
either the README or the CLI that breaks it fails here."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quickstart_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    first = blocks[0].strip()
    assert first.startswith("pip install -e . && "), first
    return first.removeprefix("pip install -e . && ")


def test_the_readme_quick_start_builds_the_examples_and_answers(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    bindir = Path(sys.executable).parent  # the `lexgraph` script of this interpreter
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
           "COLUMNS": "200"}  # fmt: skip
    env.pop("LEXGRAPH_STORE", None)
    result = subprocess.run(
        ["bash", "-c", quickstart_command()], cwd=tmp_path, env=env, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".lexgraph" / "graph.json.gz").is_file()  # the default store
    # Piped, the rows come as JSON Lines (README: output formats).
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    keys = {row["key"]: row for row in rows}
    assert keys["120/KH-UBND@2022@hau-giang"]["relation"] == "implements"
    assert keys["64/KH-UBND@2022@son-la"]["scope"] == "document"
    assert all(row["target"] == "33/CT-TTg@2021" for row in rows)
