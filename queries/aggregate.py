"""Coverage by province and timeline of responses: aggregations over implementers.

Both are computed from the implementer rows, so they inherit the parity of the
implementers query on both stores. Provinces are matched with ``extractors.places``
(spellings and tone-mark placement do not matter); the 63 historical units map to the 34
current ones (Nghị quyết 202/2025/QH15).
"""

from __future__ import annotations

from collections import defaultdict
from statistics import median
from typing import Any

from lexgraph.queries.results import CoverageRow, DocumentRow, TimelineRow


def coverage(rows: list[DocumentRow]) -> list[CoverageRow]:
    """Historical (63) then current (34) provinces, each covered or not, in name order."""
    from lexgraph.extractors import places

    by_name: dict[str, list[DocumentRow]] = defaultdict(list)
    for row in rows:
        info = places.province_info(row.province) if row.province else None
        if info is not None:
            by_name[info.name].append(row)
    out = []
    for era in ("historical", "current"):
        for prov in sorted(places.provinces(era), key=lambda p: p.name):
            if era == "historical":
                members, includes = [prov.name], []
            else:
                includes = sorted(set(prov.absorbed) | {prov.name}) if prov.absorbed else []
                members = includes or [prov.name]
            docs = sorted((r for m in members for r in by_name.get(m, ())),
                          key=lambda r: (r.date is None, r.date or "", r.key))  # fmt: skip
            first = docs[0] if docs else None
            out.append(CoverageRow(
                province=prov.name, era=era, covered=bool(docs), documents=len(docs),
                first_date=first.date if first else None,
                first_lag_days=first.lag_days if first else None,
                keys=[r.key for r in docs], includes=includes,
            ))  # fmt: skip
    return out


def timeline(rows: list[DocumentRow]) -> tuple[list[TimelineRow], dict[str, Any]]:
    """Implementing documents per month (cumulative) and the distribution of lags."""
    per: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.date:
            per[row.date[:7]].append(row.key)
    out, total = [], 0
    for period in sorted(per):
        total += len(per[period])
        out.append(TimelineRow(period, len(per[period]), total, sorted(per[period])))
    lags = sorted(r.lag_days for r in rows if r.lag_days is not None)
    summary: dict[str, Any] = {"documents": len(rows), "dated": sum(1 for r in rows if r.date),
                               "lags": len(lags)}  # fmt: skip
    if lags:
        summary.update(
            min=lags[0], p25=_quantile(lags, 0.25), median=median(lags),
            p75=_quantile(lags, 0.75), p90=_quantile(lags, 0.9), max=lags[-1],
        )  # fmt: skip
    return out, summary


def _quantile(values: list[int], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), no numpy needed."""
    pos = (len(values) - 1) * q
    low = int(pos)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (pos - low)
