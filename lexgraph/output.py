"""Printing rows as a table, JSON, JSON Lines or CSV: one place for every command.

Tables (rich) are the default on a terminal; when stdout is piped the default is JSON
Lines, so ``lexgraph ... | jq`` works without flags.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, TextIO


class Format(StrEnum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def resolve(fmt: Format, stream: TextIO | None = None) -> Format:
    if fmt is not Format.auto:
        return fmt
    stream = stream or sys.stdout
    return Format.table if stream.isatty() else Format.jsonl


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " > ".join(str(v) for v in value) if value else ""
    if isinstance(value, dict):
        return dumps(value)
    return str(value)


def emit_rows(
    rows: Sequence[dict[str, Any]],
    fmt: Format,
    columns: Sequence[str] | None = None,
    *,
    title: str | None = None,
    stream: TextIO | None = None,
) -> None:
    """Print ``rows``; ``columns`` picks and orders the table/CSV columns (JSON keeps all)."""
    stream = stream or sys.stdout
    fmt = resolve(fmt, stream)
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt is Format.json:
        stream.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.jsonl:
        for row in rows:
            stream.write(dumps(row) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False, header_style="bold")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*[_cell(row.get(c)) for c in columns])
        Console(file=stream, soft_wrap=False).print(table)


def emit_json_lines(items: Iterable[dict[str, Any]], stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    for item in items:
        stream.write(dumps(item) + "\n")
