"""Dates as Vietnamese documents write them, parsed on folded text (see text.fold).

Forms: ``ngày 26/11/2021``, ``ngày 26-11-2021``, ``ngày 11 tháng 9 năm 2013`` (also split
by a hard line wrap), upper-case titles (``NGÀY 15 THÁNG 8 NĂM 2024``). A day, month or
year out of range gives None: a wrong date is worse than none.
"""

from __future__ import annotations

import re
from datetime import date

_DMY = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
_WORDS = r"(?P<d2>\d{1,2})\s+thang\s+(?P<m2>\d{1,2})\s*,?\s+nam\s+(?P<y2>\d{4})"
DATE_BODY = rf"(?:{_DMY}|{_WORDS})"
# A date right after a number: ', ngày 18 tháng 5 năm 2021', ' (ngày 26/11/2021)',
# ' ban hành ngày ...'. Applied to a folded window starting at the number's end.
TAIL_DATE_RE = re.compile(rf"^[\s,(*|]*(?:(?:da |duoc )?ban hanh\s+)?ngay\s*(?:\*+\s*)?{DATE_BODY}")
# A date that opens the sentence before a number: 'Ngày 23/10/2025, NHNN ... ban hành'.
LEAD_DATE_RE = re.compile(rf"(?:^|[.;:(]\s*|\s\s)\s*ngay\s+{DATE_BODY}\s*,")
ANY_DATE_RE = re.compile(rf"ngay\s+{DATE_BODY}")


def iso(day: str | None, month: str | None, year: str | None) -> str | None:
    """``('26', '11', '2021')`` -> ``'2021-11-26'``; None if any part is missing or invalid."""
    if not (day and month and year):
        return None
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not 1900 <= value.year <= 2100:
        return None
    return value.isoformat()


def match_iso(match: re.Match[str]) -> str | None:
    """ISO date from a match of any pattern built on ``DATE_BODY``."""
    groups = match.groupdict()
    if groups.get("d"):
        return iso(groups["d"], groups["m"], groups["y"])
    return iso(groups.get("d2"), groups.get("m2"), groups.get("y2"))


def date_after(folded_tail: str) -> tuple[str | None, int]:
    """Date written right after a number, and the length consumed (0 when none)."""
    match = TAIL_DATE_RE.match(folded_tail)
    if not match:
        return None, 0
    return match_iso(match), match.end()


def parse_date(text: str) -> str | None:
    """First date in ``text`` (already folded or not): ``'ngày 11 tháng 9 năm 2013'``."""
    from lexgraph.extractors.text import fold

    match = ANY_DATE_RE.search(fold(text))
    return match_iso(match) if match else None
