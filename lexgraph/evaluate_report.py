"""Result types of ``lexgraph evaluate`` and their rendering (JSON dict, rich tables).

Kept apart from the scoring rules (``lexgraph.evaluate``) so that scripts can read a
report's shape here without the matching logic, and the CLI can render without knowing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The set metrics, in the order the report shows them.
SET_METRICS: tuple[str, ...] = ("cites", "implements", "tasks", "chains", "named")
# The accuracy fields: the document's own metadata, then per matched cite.
DOC_FIELDS: tuple[str, ...] = ("number", "date", "kind", "issuer", "province", "district", "title")
CITE_FIELDS: tuple[str, ...] = ("date", "kind", "issuer", "local")


@dataclass
class PRF:
    """Micro-averaged counts; precision/recall/F1 derive from them (an empty side scores 1.0)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """Share of compared items that were right."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass
class DocumentResult:
    """One gold document: per-metric counts, what was missed, what was extra, wrong fields."""

    file: str
    found: bool
    metrics: dict[str, PRF] = field(default_factory=dict)
    misses: dict[str, list[Any]] = field(default_factory=dict)
    extras: dict[str, list[Any]] = field(default_factory=dict)
    # field -> {"gold": ..., "got": ...} for the document's own metadata and cited dates
    wrong: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def perfect(self) -> bool:
        return (
            self.found
            and not self.wrong
            and not any(self.misses.values())
            and not any(self.extras.values())
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "found": self.found,
            "metrics": {k: v.to_dict() for k, v in self.metrics.items()},
            "misses": {k: v for k, v in self.misses.items() if v},
            "extras": {k: v for k, v in self.extras.items() if v},
            "wrong": self.wrong,
        }


@dataclass
class EvaluationReport:
    """The whole evaluation: totals per metric, accuracies, and per-document details."""

    metrics: dict[str, PRF] = field(default_factory=lambda: {m: PRF() for m in SET_METRICS})
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    documents: list[DocumentResult] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # gold files with no record
    unscored: list[str] = field(default_factory=list)  # records with no gold entry

    def f1(self, metric: str) -> float:
        return self.metrics[metric].f1

    def acc(self, name: str) -> float:
        return self.accuracy[name].value

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "metrics": {k: v.to_dict() for k, v in self.metrics.items()},
            "accuracy": {k: v.to_dict() for k, v in self.accuracy.items()},
            "missing": self.missing,
            "unscored": self.unscored,
            "per_document": [d.to_dict() for d in self.documents],
        }

    def render_text(self, details: bool = True) -> str:
        """Plain-text report (what ``render`` shows, without rich)."""
        lines = [f"documents: {len(self.documents)}  missing records: {len(self.missing)}"]
        lines.append(f"{'metric':<12} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {'fp':>6} {'fn':>6}")
        for name, m in self.metrics.items():
            lines.append(
                f"{name:<12} {m.precision:7.3f} {m.recall:7.3f} {m.f1:7.3f} {m.tp:6} {m.fp:6} {m.fn:6}"
            )
        lines.append(f"{'accuracy':<16} {'value':>7} {'right':>7} {'of':>6}")
        for name, a in self.accuracy.items():
            lines.append(f"{name:<16} {a.value:7.3f} {a.correct:7} {a.total:6}")
        if details:
            for doc in self.documents:
                if doc.perfect:
                    continue
                lines.append(f"-- {doc.file}" + ("" if doc.found else "  (no record)"))
                for metric, items in doc.misses.items():
                    if items:
                        lines.append(f"   missed {metric}: {_short(items)}")
                for metric, items in doc.extras.items():
                    if items:
                        lines.append(f"   extra  {metric}: {_short(items)}")
                for name, pair in doc.wrong.items():
                    lines.append(f"   wrong  {name}: {_pair(pair)}")
        return "\n".join(lines)

    def render(self, details: bool = True) -> Any:
        """A rich renderable (tables); falls back to plain text when rich is absent."""
        try:
            from rich.console import Group
            from rich.markup import escape
            from rich.table import Table
        except ImportError:  # pragma: no cover - rich is a dependency
            return self.render_text(details)
        metrics = Table(title=f"Evaluation on {len(self.documents)} gold documents")
        for col in ("metric", "precision", "recall", "F1", "tp", "fp", "fn"):
            metrics.add_column(col, justify="left" if col == "metric" else "right")
        for name, m in self.metrics.items():
            metrics.add_row(
                name,
                f"{m.precision:.3f}",
                f"{m.recall:.3f}",
                f"{m.f1:.3f}",
                *map(str, (m.tp, m.fp, m.fn)),
            )
        acc = Table(title="Accuracy")
        for col in ("field", "accuracy", "right", "of"):
            acc.add_column(col, justify="left" if col == "field" else "right")
        for name, a in self.accuracy.items():
            acc.add_row(name, f"{a.value:.3f}", str(a.correct), str(a.total))
        parts: list[Any] = [metrics, acc]
        if details:
            docs = Table(title="Per document (imperfect only)", show_lines=True)
            docs.add_column("file")
            docs.add_column("misses / extras / wrong")
            for doc in self.documents:
                if doc.perfect:
                    continue
                cell = [
                    f"[red]missed {k}[/]: {escape(_short(v))}" for k, v in doc.misses.items() if v
                ]
                cell += [
                    f"[yellow]extra {k}[/]: {escape(_short(v))}" for k, v in doc.extras.items() if v
                ]
                cell += [f"[magenta]wrong {k}[/]: {escape(_pair(p))}" for k, p in doc.wrong.items()]
                if not doc.found:
                    cell.insert(0, "[red]no record for this file[/]")
                docs.add_row(escape(doc.file), "\n".join(cell))
            if docs.row_count:
                parts.append(docs)
        return Group(*parts)


def _short(items: list[Any], limit: int = 12) -> str:
    shown = ", ".join(_fmt(i) for i in items[:limit])
    return shown + (f" (+{len(items) - limit})" if len(items) > limit else "")


def _fmt(item: Any) -> str:
    if isinstance(item, list | tuple):
        return " -> ".join(str(x) for x in item[:2]) + (f" ({item[2]})" if len(item) > 2 else "")
    return str(item)


def _pair(pair: dict[str, Any]) -> str:
    return f"gold={pair['gold']!r} got={pair['got']!r}"
