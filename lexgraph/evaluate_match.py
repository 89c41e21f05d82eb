"""Normalising and matching for ``lexgraph.evaluate``: when a predicted item equals a gold one.

Why apart from ``score``: these are the comparison rules of the seeds' "Scoring notes"
(canonical numbers with the ``CTTg`` typo merged, tone-placement-insensitive text, the
``~description`` rules, chain-reachable implements left free), listed in the
``lexgraph.evaluate`` docstring; ``score`` only walks the gold and tallies.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lexgraph.evaluate_report import PRF
from lexgraph.extractors.keys import slug
from lexgraph.extractors.numbers import canonical_number

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_PUNCT = re.compile(r"[,.;:()\[\]\"'“”‘’*|]+")
_SPACE = re.compile(r"\s+")
_CTTG = re.compile(r"(?<=[/-])CTTg\b")
_LAW = re.compile(r"^(bo luat|luat|hien phap|phap lenh)\b")
_PROVINCE_PREFIX = re.compile(r"^(tỉnh|thành phố|tp)\s+")


# ---------------------------------------------------------------- normalisation


def norm_text(text: str | None) -> str:
    """Case-, tone-placement-, punctuation- and spacing-insensitive form of a phrase.

    Each syllable's tone mark is moved to its end, so ``uỷ``/``ủy`` and ``hoá``/``hóa`` agree
    while ``hóa``/``hoa`` still differ.
    """
    if not text:
        return ""
    words = []
    for word in _SPACE.split(_PUNCT.sub(" ", text).strip()):
        d = unicodedata.normalize("NFD", word.casefold())
        tones = "".join(c for c in d if c in _TONES)
        base = "".join(c for c in d if c not in _TONES)
        words.append(unicodedata.normalize("NFC", base) + tones)
    return " ".join(w for w in words if w)


def _fold_key(text: str) -> str:
    return slug(text)


def number_key(number: str, merge_typos: bool = True) -> str:
    """The comparison form of a document number (canonical, optionally typo-merged)."""
    canon = canonical_number(number)
    return _CTTG.sub("CT-TTg", canon) if merge_typos else canon


def _province_key(text: str | None) -> str:
    return norm_text(
        _PROVINCE_PREFIX.sub("", unicodedata.normalize("NFC", (text or "").strip().casefold()))
    )


# ---------------------------------------------------------------- matching


def _tilde_match(a: str, b: str) -> bool:
    """Laws match exactly (name and year); descriptions of unnumbered documents match when
    one is contained in the other or they share nearly all their words (the gold's wording
    of a description is free: 'về tăng cường chỉnh đốn Đảng' vs '... xây dựng, chỉnh đốn Đảng')."""
    fa, fb = _fold_key(a), _fold_key(b)
    if fa == fb:
        return True
    if _LAW.match(fa.replace("-", " ")) or not fa or not fb:
        return False
    if fa in fb or fb in fa:
        return True
    wa, wb = set(fa.split("-")), set(fb.split("-"))
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.85


def _is_law(label: str) -> bool:
    return bool(_LAW.match(_fold_key(label).replace("-", " ")))


def compare_sets(
    gold_items: list[Any], pred_items: list[Any], key, free: set[Any], tilde: bool
) -> tuple[PRF, list[Any], list[Any]]:
    """Set comparison with the scoring notes: ``free`` keys are errors neither way; '~' rules."""
    gold_map = {key(i): i for i in gold_items}
    pred_map = {key(i): i for i in pred_items}
    prf = PRF()
    misses, extras = [], []
    gold_tilde = [k for k in gold_map if _has_tilde(k)]
    pred_tilde = [k for k in pred_map if _has_tilde(k)]
    matched_pred: set[Any] = set()
    for k in gold_map:
        if _has_tilde(k):
            continue
        if k in pred_map:
            prf.tp += 1
            matched_pred.add(k)
        elif k not in free:
            prf.fn += 1
            misses.append(gold_map[k])
    for k in pred_map:
        if not _has_tilde(k) and k not in matched_pred and k not in free:
            prf.fp += 1
            extras.append(pred_map[k])
    if tilde:
        for k in gold_tilde:
            hit = next(
                (p for p in pred_tilde if p not in matched_pred and _tilde_key_match(k, p)), None
            )
            if hit is not None:
                prf.tp += 1
                matched_pred.add(hit)
            elif _tilde_is_law(k):
                prf.fn += 1
                misses.append(gold_map[k])
        for p in pred_tilde:
            if p not in matched_pred and _tilde_is_law(p):
                prf.fp += 1
                extras.append(pred_map[p])
    return prf, misses, extras


def _has_tilde(k: Any) -> bool:
    return any(
        isinstance(x, str) and x.startswith("~") for x in (k if isinstance(k, tuple) else (k,))
    )


def _tilde_is_law(k: Any) -> bool:
    return all(
        _is_law(x)
        for x in (k if isinstance(k, tuple) else (k,))
        if isinstance(x, str) and x.startswith("~")
    )


def _tilde_key_match(a: Any, b: Any) -> bool:
    if isinstance(a, tuple):
        return len(a) == len(b) and all(
            _tilde_match(x, y) if x.startswith("~") and y.startswith("~") else x == y
            for x, y in zip(a, b, strict=True)
        )
    return _tilde_match(a, b)


def _lkey(label: str) -> str:
    return label if label.startswith("~") else number_key(label)


def chain_key(chain: list[str]) -> tuple[str, str, str]:
    return (_lkey(chain[0]), _lkey(chain[1]), chain[2])


def reachable_via_chains(gold: dict[str, Any]) -> set[str]:
    """Targets reachable through gold chains from a gold implements entry (either way is fine)."""
    edges: dict[str, list[str]] = {}
    for a, b, _ in gold["chains"]:
        edges.setdefault(_lkey(a), []).append(_lkey(b))
    seen: set[str] = set()
    stack = [_lkey(x) for x in gold["implements"]]
    while stack:
        for nxt in edges.get(stack.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def same_field(field: str, gold: Any, got: Any) -> bool:
    if field == "number":
        return (number_key(gold) if gold else None) == (number_key(got) if got else None)
    if field in ("date", "local"):
        return gold == got or (field == "local" and bool(gold) == bool(got))
    if field == "province" or field == "district":
        return _province_key(gold) == _province_key(got)
    return norm_text(gold) == norm_text(got)
