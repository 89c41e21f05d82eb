"""``lexgraph extract``, ``evaluate`` and ``synth``: documents in, records and scores out."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from lexgraph.cli_options import JobsOpt, PathsArg, RecordFormatOpt, StrictOpt
from lexgraph.output import Format, dumps, emit_rows

CITATION_COLUMNS = ["number", "kind", "date", "issuer", "relation", "scope", "section", "quote"]


def run_extraction(paths: list[str], jobs: int, quiet: bool, label: str = "extract"):
    """Shared by extract/evaluate: outcomes in input order, problems reported on stderr."""
    from lexgraph.extractors.batch import collect_paths, run_batch
    from lexgraph.progress import file_progress

    files, missing = collect_paths(paths)
    with file_progress(len(files), label, quiet) as progress:
        for outcome in missing:
            progress(outcome)
        outcomes = list(run_batch(files, jobs=jobs, on_outcome=progress))
    for problem in progress.summary.problems:
        typer.echo(f"lexgraph: {problem}", err=True)
    for outcome in outcomes:
        if outcome.status == "duplicate" and not quiet:
            typer.echo(
                f"lexgraph: {outcome.path}: same content as {outcome.duplicate_of}, processed once",
                err=True,
            )
    return outcomes, progress.summary


def quote_window(quote: str, mention: str | None, width: int = 160) -> str:
    """The part of a long quote around the mention, for a table cell (JSON keeps it whole)."""
    flat = " ".join(quote.split())
    if len(flat) <= width:
        return flat
    at = -1
    if mention:  # numbers are written with noisy spacing and case: match loosely
        loose = r"\s*".join(re.escape(ch) for ch in mention.replace(" ", "")[:12])
        found = re.search(loose, flat, re.IGNORECASE)
        at = found.start() if found else -1
    start = max(0, min(at - width // 3, len(flat) - width)) if at >= 0 else 0
    window = flat[start : start + width]
    return ("…" if start else "") + window + ("…" if start + width < len(flat) else "")


def _record_rows(record) -> list[dict]:
    doc = record.document
    return [{"source": record.source, "document": doc.key, **c.__dict__} for c in record.citations]


def _print_table(record) -> None:
    from rich.console import Console

    doc = record.document
    console = Console()
    console.rule(f"[bold]{record.source}")
    facts = {
        "key": doc.key, "kind": doc.kind, "number": doc.number, "date": doc.date,
        "issuer": doc.issuer, "level": doc.level, "province": doc.province,
        "district": doc.district, "signer": doc.signer, "title": doc.title,
    }  # fmt: skip
    for name, value in facts.items():
        console.print(
            f"[bold]{name:>9}[/bold]  {value if value is not None else '—'}",
            markup=True,
            highlight=False,
        )
    rows = [
        {**c.__dict__, "quote": quote_window(c.quote, c.number or c.name)} for c in record.citations
    ]
    emit_rows(rows, Format.table, CITATION_COLUMNS, title="citations")
    for a in record.assertions:
        console.print(f"  assertion: {a.subject} —{a.relation}→ {a.object}", highlight=False)
    for warning in record.warnings:
        console.print(f"  [yellow]warning:[/yellow] {warning}", highlight=False)


def extract(
    paths: PathsArg,
    fmt: RecordFormatOpt = Format.auto,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write records here instead of stdout.")
    ] = None,
    jobs: JobsOpt = 0,
    strict: StrictOpt = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")
    ] = False,
) -> None:
    """Extract each document's metadata, citations (with relation and evidence) and assertions.

    Prints one record per file (JSON Lines by default when piped; the schema is in
    DESIGN.md). Bad files are reported on stderr, the batch goes on, and the exit code is 1
    if any file failed.

    Examples:

        lexgraph extract ../shared/seeds/*.txt > records.jsonl

        lexgraph extract --format table ../shared/seeds/003_c748b1c2dbd3381b.txt

        cat plan.txt | lexgraph extract -
    """
    outcomes, summary = run_extraction(paths, jobs, quiet)
    records = [o.record for o in outcomes if o.record is not None]
    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        chosen = fmt if fmt is not Format.auto else (Format.jsonl if output else fmt)
        from lexgraph.output import resolve

        chosen = resolve(chosen, stream)
        if chosen is Format.jsonl:
            for record in records:
                stream.write(dumps(record.to_dict()) + "\n")
        elif chosen is Format.json:
            json.dump([r.to_dict() for r in records], stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        elif chosen is Format.csv:
            rows = [row for r in records for row in _record_rows(r)]
            emit_rows(
                rows,
                Format.csv,
                ["source", "document", "key", *CITATION_COLUMNS, "start", "end"],
                stream=stream,
            )
        else:
            for record in records:
                _print_table(record)
    finally:
        if output:
            stream.close()
    if not quiet:
        typer.echo(f"lexgraph: {summary.line()}", err=True)
    if summary.failed or (strict and summary.warnings):
        raise typer.Exit(1)


def evaluate(
    paths: PathsArg,
    gold: Annotated[
        Path,
        typer.Option(
            "--gold", "-g", help="Gold file (gold.jsonl format).", exists=True, dir_okay=False
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    jobs: JobsOpt = 0,
) -> None:
    """Score the extractor against a gold file: precision, recall, F1 and accuracies.

    Documents are matched to gold entries by file name. Example:

        lexgraph evaluate --gold ../shared/seeds/gold.jsonl ../shared/seeds/
    """
    from lexgraph.evaluate import score

    gold_rows = [
        json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    wanted = {row["file"] for row in gold_rows}
    outcomes, summary = run_extraction(paths, jobs, quiet=True, label="evaluate")
    records = [o.record for o in outcomes if o.record is not None and Path(o.path).name in wanted]
    if not records:
        typer.echo(
            f"lexgraph: none of the files given is in {gold}; pass the folder the gold file describes",
            err=True,
        )
        raise typer.Exit(2)
    report = score(records, gold_rows)
    if as_json:
        typer.echo(dumps(report.to_dict()))
    else:
        from rich.console import Console

        Console().print(report.render())
    if summary.failed:
        raise typer.Exit(1)


def synth(
    count: Annotated[int, typer.Argument(help="How many documents to write.", min=1)],
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the .txt files and gold.jsonl.")
    ] = Path("synthetic"),
    seed: Annotated[int, typer.Option(help="Random seed: same seed, same files.")] = 0,
) -> None:
    """Write COUNT realistic synthetic documents plus their gold.jsonl (for benchmarks and recall tests)."""
    from lexgraph.synth import synth_main

    synth_main(count, out_dir, seed)
    typer.echo(f"lexgraph: wrote {count} documents and gold.jsonl to {out_dir}", err=True)


def register(app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(evaluate)
    app.command()(synth)
