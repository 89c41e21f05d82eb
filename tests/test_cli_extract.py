"""``lexgraph extract`` / ``build`` as a user runs them: formats, bad input, summary, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

LEXGRAPH = [sys.executable, "-m", "lexgraph"]


def run(
    *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [*LEXGRAPH, *args], input=stdin, capture_output=True, text=True, cwd=cwd, env=env
    )


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_extract_prints_one_json_record_per_file() -> None:
    result = run("extract", str(EXAMPLES))
    assert result.returncode == 0, result.stderr
    rows = records(result.stdout)
    assert len(rows) == len([p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md")])
    by_name = {Path(r["source"]).name: r for r in rows}
    plan = by_name["hau-giang-kh-120-2022.txt"]
    assert plan["schema"] == 1
    assert plan["document"]["number"] == "120/KH-UBND"
    assert plan["document"]["date"] == "2022-02-15"
    first = plan["citations"][0]
    assert (
        first["number"] == "33/CT-TTg"
        and first["relation"] == "implements"
        and first["scope"] == "document"
    )
    assert "0 failed" in result.stderr


def test_bad_files_are_named_the_batch_goes_on_and_the_exit_code_says_so(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "hau-giang-kh-120-2022.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    result = run("extract", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert len(records(result.stdout)) == 1
    for name in ("empty.txt", "binary.txt", "broken.docx", "missing.txt"):
        assert name in result.stderr, f"{name} not reported:\n{result.stderr}"
    assert "1 processed" in result.stderr and "4 failed" in result.stderr


def test_duplicates_are_processed_once_and_reported(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        shutil.copy(EXAMPLES / "hau-giang-kh-120-2022.txt", tmp_path / name)
    result = run("extract", str(tmp_path))
    assert result.returncode == 0
    assert len(records(result.stdout)) == 1
    assert "same content as" in result.stderr and "1 duplicate" in result.stderr


def test_stdin_and_paths_with_spaces_and_vietnamese_names(tmp_path: Path) -> None:
    text = (EXAMPLES / "hau-giang-kh-120-2022.txt").read_text(encoding="utf-8")
    from_stdin = records(run("extract", "-", stdin=text).stdout)
    assert from_stdin[0]["document"]["number"] == "120/KH-UBND"
    odd = tmp_path / "Kế hoạch số 120 (bản sao).txt"
    odd.write_text(text, encoding="utf-8")
    assert records(run("extract", str(odd)).stdout)[0]["document"]["number"] == "120/KH-UBND"


def test_csv_and_table_formats() -> None:
    path = str(EXAMPLES / "hau-giang-kh-120-2022.txt")
    csv_out = run("extract", "--format", "csv", path).stdout.splitlines()
    assert csv_out[0].startswith("source,document,key,number,kind")
    assert any("33/CT-TTg" in line for line in csv_out[1:])
    table = run("extract", "--format", "table", path).stdout
    assert "33/CT-TTg" in table and "implements" in table


def test_build_is_incremental_and_keeps_stored_work_when_a_file_fails(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLES, docs)
    store = tmp_path / "g.json.gz"
    first = run("build", str(docs), "--store", str(store))
    assert first.returncode == 0, first.stderr
    again = run("build", str(docs), "--store", str(store))
    assert "0 processed" in again.stderr and "unchanged (cached)" in again.stderr
    nodes_line = [line for line in first.stderr.splitlines() if "graph saved" in line]
    assert (
        nodes_line
        and nodes_line[0].split("graph saved")[1]
        == [line for line in again.stderr.splitlines() if "graph saved" in line][0].split(
            "graph saved"
        )[1]
    )
    # a file becomes unreadable junk: the batch fails for it, its stored record survives
    victim = docs / "hau-giang-kh-120-2022.txt"
    victim.write_bytes(b"")
    broken = run("build", str(docs), "--store", str(store))
    assert broken.returncode == 1
    from lexgraph.graph.store import load

    data = load(store)
    assert any(r.document.number == "120/KH-UBND" for r in data.records.values())


def test_help_teaches() -> None:
    result = run("extract", "--help")
    assert result.returncode == 0
    assert "Examples" in result.stdout and "--format" in result.stdout


@pytest.mark.parametrize("command", ["load", "export"])
def test_commands_on_a_missing_store_say_what_to_do(tmp_path: Path, command: str) -> None:
    args = ["--store", str(tmp_path / "none.json.gz")]
    if command == "export":
        args += ["--format", "json", "-o", str(tmp_path / "x.json")]
    result = run(command, *args)
    assert result.returncode == 1
    assert "lexgraph build" in result.stderr


def test_table_quote_is_the_window_around_the_mention() -> None:
    from lexgraph.cli_extract import quote_window

    quote = (
        "Nhằm tạo sự chuyển biến " * 12
        + "về Nghị quyết số 25- NQ/TW ngày 03 tháng 6 năm 2013"
        + " của tỉnh" * 20
    )
    cell = quote_window(quote, "25-NQ/TW")
    assert "25- NQ/TW" in cell and cell.startswith("…") and cell.endswith("…")
    assert len(cell) <= 162
    assert quote_window("ngắn gọn", "25-NQ/TW") == "ngắn gọn"


def test_a_folder_is_walked_without_its_notes_or_hidden_files(tmp_path: Path) -> None:
    # The seeds folder ships a README.md that names every seed; read as a document it
    # entered the graph citing them all.
    from lexgraph.extractors.batch import collect_paths

    folder = tmp_path / "docs"
    shutil.copytree(EXAMPLES, folder / "plans")
    for name in ("README.md", "readme.txt", "LICENSE", "CHANGELOG.md", ".draft.txt"):
        (folder / name).write_text("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021.", "utf-8")
    (folder / ".lexgraph").mkdir()
    (folder / ".lexgraph" / "old.txt").write_text("Kế hoạch số 1/KH-UBND", "utf-8")
    found, problems = collect_paths([str(folder)])
    assert not problems
    assert sorted(Path(p).name for p in found) == sorted(p.name for p in EXAMPLES.iterdir()
                                                         if p.is_file())  # fmt: skip
    named, _ = collect_paths([str(folder / "README.md")])  # named: always read
    assert named == [str(folder / "README.md")]
