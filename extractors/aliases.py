"""Well-known documents cited without a number, resolved through a table kept as data.

``Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng (khoá XI)`` is
Nghị quyết 25-NQ/TW of 2013-06-03. The table (data/aliases.json) holds regexes over
folded text, so tone-mark placement and case do not matter. To stay fast on 1 MB texts
the folded matching runs only on windows around the cheap anchor ``Nghị quyết``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lexgraph.extractors.text import view


@dataclass(frozen=True)
class Alias:
    id: str
    name: str
    number: str | None
    kind: str
    date: str | None
    issuer: str | None
    level: str | None
    pattern: re.Pattern[str]


@dataclass
class AliasMention:
    alias: Alias
    start: int
    end: int


@lru_cache(maxsize=1)
def load_aliases() -> tuple[Alias, ...]:
    raw = json.loads(
        resources.files("lexgraph.extractors").joinpath("data/aliases.json").read_text("utf-8")
    )
    out = []
    for entry in raw["aliases"]:
        pattern = re.compile("|".join(f"(?:{p})" for p in entry["patterns"]))
        out.append(
            Alias(
                id=entry["id"],
                name=entry["name"],
                number=entry.get("number"),
                kind=entry.get("kind", "Nghị quyết"),
                date=entry.get("date"),
                issuer=entry.get("issuer"),
                level=entry.get("level"),
                pattern=pattern,
            )
        )
    return tuple(out)


# Case-insensitive 'nghị quyết', spelt out: every character IGNORECASE accepted (also
# 'İ', 'ı'), but a leading class lets the engine skip ahead (~3x faster on the corpus).
_ANCHOR = re.compile(r"[nN][gG][hH][iIİıịỊ]\s+[qQ][uU][yY][eEếẾ][tT]")
_WS = re.compile(r"\s+")
_NUMBERED = re.compile(r"nghi\s+quyet[\s*|]+(?:so\b|\d)")


def find_aliases(text: str) -> list[AliasMention]:
    """Alias mentions in text order; the first matching table entry wins at a position."""
    aliases = load_aliases()
    found: list[AliasMention] = []
    last_end = -1
    ft = view(text)
    for anchor in _ANCHOR.finditer(text):
        start = anchor.start()
        if start < last_end:
            continue
        folded = ft.window(start, start + 260)
        if _NUMBERED.match(folded):
            continue  # 'Nghị quyết số ...': a numbered document, never an alias
        # Collapse runs of whitespace but remember offsets, so hard wraps still match.
        squeezed, index = _squeeze(folded)
        for alias in aliases:
            match = alias.pattern.match(squeezed)
            if match:
                end = start + (index[match.end() - 1] + 1 if index else match.end())
                found.append(AliasMention(alias, start, end))
                last_end = end
                break
    return found


_RUNS = re.compile(r"[ *|]+|[^ *|]+")


def _squeeze(folded: str) -> tuple[str, list[int] | None]:
    """Runs of spaces/markdown debris -> one space, with each output character's offset
    (None when nothing needed squeezing: the offsets are the folded window's own)."""
    if "  " not in folded and "*" not in folded and "|" not in folded:
        return folded, None
    out: list[str] = []
    index: list[int] = []
    for m in _RUNS.finditer(folded):
        s, e = m.span()
        if folded[s] in " *|":
            out.append(" ")
            index.append(s)
        else:
            out.append(m.group())
            index.extend(range(s, e))
    return "".join(out), index
