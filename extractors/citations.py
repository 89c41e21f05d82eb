"""The citation engine: every document a text references, with its identity and relation.

mentions.py finds the mentions (number or name, kind, date, issuer); this module gives
each its relation (the cue of its paragraph, a footnote's marker, a 'Căn cứ' list), the
chain it forms with the previous mention, its canonical key, and its quote (quotes.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lexgraph.extractors.chains import chain_relation
from lexgraph.extractors.furniture import reading_text
from lexgraph.extractors.issuers import LOCAL_LEVELS, level_of, level_of_number
from lexgraph.extractors.keys import document_key, law_key
from lexgraph.extractors.mentions import (
    SHARE_GAP,
    STATE,
    Mention,
    fill_from_other_mentions,
    find_mentions,
    laws_and_aliases,
    own_numbers,
    share_phrases,
)
from lexgraph.extractors.numbers import number_year
from lexgraph.extractors.quotes import quote_span
from lexgraph.extractors.relations import (
    Structure,
    build_structure,
    continuing_kinds,
    cue_at,
    in_aside,
    paragraph_head,
)
from lexgraph.extractors.text import fold, view
from lexgraph.model import Assertion, Citation, DocumentInfo

_FOOTNOTE = re.compile(r"[ \t*|]*([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])")


@dataclass
class CitationResult:
    citations: list[Citation]
    assertions: list[Assertion]
    warnings: list[str]
    # Mention offsets (the number or name itself), parallel to ``citations``; the quote
    # offsets are Citation.start/end.
    spans: list[tuple[int, int]] = field(default_factory=list)


# The recipients' list that follows the signature: the main text ends there, and what
# comes after is annexes and forms.
_RECIPIENTS = re.compile(r"(?m)^[ \t*|]*Nơi nhận\s*:")


def _main_text_end(text: str, structure: Structure) -> int:
    """Start of the first 'Nơi nhận:' after the opening (the end of the text if none)."""
    found = _RECIPIENTS.search(text, structure.opening_end)
    return found.start() if found else len(text)


def _relations(text: str, structure: Structure, mentions: list[Mention]) -> list[tuple]:
    chains: list[tuple] = []
    continuing = continuing_kinds(text, structure)
    footnote_rel: dict[int, tuple[str, int]] = {}
    after_main = _main_text_end(text, structure)
    for i, m in enumerate(mentions):
        para = structure.paragraph_start(m.kind_start)
        prev = mentions[i - 1] if i else None
        same_para = prev is not None and prev.start >= para
        if same_para:
            rel = chain_relation(text, prev.tail_end, m.kind_start)
            if rel and (prev.number is not None or prev.alias):
                m.chain_target = True
                chains.append((prev, m, rel))
                _share_subject(text, mentions, i - 1, m, rel, chains)
            elif (
                prev.chain_target
                and m.number
                and SHARE_GAP.match(STATE.ft.window(prev.tail_end, m.kind_start))
            ):
                # '... thực hiện Nghị quyết số 71/NQ-CP ... và Kế hoạch số 328-KH/TU': a
                # second target of the same subject.
                for subject, target, rel in list(chains):
                    if target is prev:
                        m.chain_target = True
                        chains.append((subject, m, rel))
        block = structure.block_start(m.kind_start)
        footnote = _FOOTNOTE.match(text, block, block + 12)
        if footnote:
            if block not in footnote_rel:
                where = text.rfind(footnote.group(1), 0, block)
                if where > 0:
                    footnote_rel[block] = (_footnote_relation(text, structure, where), where)
            if block in footnote_rel:
                rel, where = footnote_rel[block]
                m.footnote_at = where  # type: ignore[attr-defined]
                m.relation = "cites" if m.chain_target else rel
                if in_aside(STATE.ft.window(para, m.kind_start)):
                    m.relation = "cites"
                continue
        if m.chain_target:
            m.relation = "implements" if m.start < structure.title_end else "cites"
            continue
        head = paragraph_head(text, para, STATE.ft)
        if head == "cites":
            m.relation = "cites"
            continue
        if head == "based_on":
            gap = STATE.ft.window(prev.tail_end, m.kind_start) if same_para else ""
            if m.start > after_main:
                m.relation = "cites"  # a form's 'Căn cứ' lines: the basis of a future act
            elif (
                not same_para
                or _BASIS_GAP.match(gap)
                or _BASIS_GAP.match(gap[gap.rfind(";") + 1 :])
            ):
                m.relation = "based_on"
            else:
                m.relation = "cites"
            continue
        cue = cue_at(text, para, m.kind_start, STATE.ft)
        m.relation = cue.relation
        described = _described(text, mentions, i, para, cue.start)
        if m.relation != "cites" and described is not None:
            # The cue belongs to an earlier mention's subject clause. After a comma, m is
            # the next item of that mention's list and shares its head cue; without one,
            # m is the object of the clause ('... tạm ngưng hiệu lực Nghị định số X').
            listed = "," in text[cue.end : m.kind_start]
            m.relation = described.relation if listed else "cites"
        if m.relation == "cites" and m.start < structure.opening_end:
            for _pos, kind in continuing:
                if fold(m.kind or "") == kind:
                    m.relation = "continues"
    return chains


# 'Thành ủy/Tỉnh ủy ... đã ban hành nhiều chương trình, kế hoạch[1]': what was issued
# before is background, whatever cue the sentence opened with.
_ISSUED_BEFORE = re.compile(r"(?<![a-z])da ban hanh(?![a-z])")


def _footnote_relation(text: str, structure: Structure, where: int) -> str:
    """Relation of the documents a footnote lists: the cue governing its marker."""
    cue = cue_at(text, structure.paragraph_start(where), where, STATE.ft)
    if cue.relation != "cites" and _ISSUED_BEFORE.search(STATE.ft.window(cue.end, where)):
        return "cites"
    return cue.relation


_LIST_BREAK = re.compile(r";|\n\s*\n|\.\s")
_DESCRIPTION_BREAK = re.compile(r"[,;:()]|\n\s*\n|\.\s")
# How a subject clause opens: 'về (việc)', or the verb of the cited act.
_DESCRIPTION_HEAD = re.compile(
    r"[\s*|]*(?:ve\s|quy dinh\s|huong dan\s|ban hanh\s|phe duyet\s|sua doi|bo sung\s|"
    r"tam ngung\s|dieu chinh\s|bai bo\s|thay the\s)"
)


def _described(text: str, mentions: list[Mention], i: int, para: int, cue: int) -> Mention | None:
    """Whether the cue lies in the subject clause of an earlier mention ('Nghị định số
    159/2006/NĐ-CP về việc thực hiện chế độ ..., Nghị định số 11/2011/NĐ-CP': the
    'thực hiện' describes 159/2006, it is not said of 11/2011). The clause runs from that
    mention's date/issuer tail to the first comma, colon, semicolon or parenthesis."""
    if cue < 0 or _LIST_BREAK.search(text, cue, mentions[i].kind_start):
        return None  # a new list item: the list head governs it, as relation_at found
    j = i - 1
    while j >= 0 and mentions[j].start > cue:
        j -= 1
    if j < 0 or mentions[j].start < para or mentions[j].tail_end > cue:
        return None
    gap = text[mentions[j].tail_end : cue]
    if len(gap) > 150:
        return None
    if _DESCRIPTION_BREAK.search(gap):
        return None
    # A cue right after the tail opens the clause itself ('Thông tư liên tịch số
    # 01/2012/TTLT-... hướng dẫn thực hiện Quyết định số 62/2011/QĐ-TTg').
    folded_gap = STATE.ft.window(mentions[j].tail_end, cue)
    described = not folded_gap.strip() or _DESCRIPTION_HEAD.match(folded_gap)
    return mentions[j] if described else None


# Between two mentions of one 'Căn cứ' paragraph: nothing but a list separator (the next
# basis), or an amendment phrase. After the last ';' of a longer gap the same holds: 'Căn
# cứ Nghị định số 63/2010/NĐ-CP ... về kiểm soát thủ tục hành chính; Nghị định số
# 92/2017/NĐ-CP ...' lists two bases, while a number inside the first's subject is cited.
# A shared head lists bare numbers: 'Căn cứ các Nghị định của Chính phủ: số 63/2010/NĐ-CP
# ...; số 48/2013/NĐ-CP ...'.
_BASIS_GAP = re.compile(
    r"^[\s,;*|]*(?:va\s+|;\s*)?(?:can cu\s+)?(?:(?:da\s+)?duoc\s+sua doi[\s,]*(?:bo sung\s+)?"
    r"(?:mot so dieu\s+)?(?:theo|boi|tai)\s+)?(?:cac\s+)?(?:so\s*)?$"
)


def _share_subject(
    text: str, mentions: list[Mention], j: int, target: Mention, rel: str, chains: list
) -> None:
    """'Kế hoạch số 14-KH/TU ... và Kế hoạch số 24/KH-UBND ... thực hiện Nghị quyết X':
    every subject joined by 'và' / ',' implements X."""
    while j > 0:
        first, second = mentions[j - 1], mentions[j]
        if not first.number or first.chain_target:
            return
        if not SHARE_GAP.match(STATE.ft.window(first.tail_end, second.kind_start)):
            return
        chains.append((first, target, rel))
        j -= 1


@dataclass
class _Identity:
    key: str
    year: int | None
    date: str | None
    issuer: str | None
    level: str | None
    province: str | None = None
    district: str | None = None


def _identity(m: Mention, document: DocumentInfo) -> _Identity:
    """Canonical key, year, level and jurisdiction of a mention. A mention without a
    number is a law by name (key ``law:``, State level, the date its phrase gives, no issuer
    of its own) or an unnumbered alias document (a congress resolution: the alias table's
    date, issuer, level)."""
    if m.number is None:
        key = law_key(m.name or "", m.law_year)
        if m.alias:
            return _Identity(key, m.law_year, m.date, m.issuer, m.level or "central_state")
        return _Identity(key, m.law_year, m.date, None, m.level or "central_state")
    level = m.level or level_of(m.issuer) or level_of_number(m.number)
    local = level in LOCAL_LEVELS
    year = number_year(m.number) or (int(m.date[:4]) if m.date else None)
    province = district = None
    if local:
        province = document.province
        if level == "province" and m.place:
            province = m.place
        if level == "district":
            district = m.place or document.district
    key = document_key(m.number, year, local=local, province=province, district=district)
    return _Identity(key, year, m.date, m.issuer, level, province, district)


# The end of a consolidated text's preamble: its first basis line or article.
_PREAMBLE_END = re.compile(r"(?m)^[ \t*|]*(?:Căn cứ|Điều\s+1\b|Chương\s+I\b|Phần\s+I\b)")
# What may stand before an item of that preamble on its line: a number or a dash.
_ITEM_LEAD = re.compile(r"[ \t*|]*(?:\d{1,2}[.)]|[-+•–])?[ \t]*$")


def _consolidated(text: str, structure: Structure, mentions: list[Mention]) -> None:
    """A consolidated text (Văn bản hợp nhất) opens with what it consolidates: 'Thông tư số
    05/2015/TT-BYT ngày ... có hiệu lực ..., được sửa đổi, bổ sung bởi: / Thông tư số
    50/2017/TT-BYT ...'. Each document that opens an item of that preamble is consolidated
    (``consolidates``); others named there (inside an item's subject) are cited. None of
    them is implemented, guided or a basis of the consolidated text."""
    found = _PREAMBLE_END.search(text)
    end = found.start() if found else structure.opening_end
    for m in mentions:
        if m.kind_start >= end or m.relation == "corrects":
            continue
        line_start = text.rfind("\n", 0, m.kind_start) + 1
        if _ITEM_LEAD.fullmatch(text, line_start, m.kind_start):
            m.relation = "consolidates"
        elif m.kind_start >= structure.title_end:  # the title keeps what it states
            m.relation = "cites"


def find_citations(text: str, document: DocumentInfo) -> CitationResult:
    """Every document ``text`` references, in text order, with its assertions.

    References are read on ``reading_text(text)`` (page furniture blanked, same offsets);
    quotes are cut from ``text`` itself."""
    original = text
    text = reading_text(text)
    STATE.ft = view(text)
    warnings: list[str] = []
    own = own_numbers(text, document)
    mentions = find_mentions(text, own, document.level)
    share_phrases(text, mentions)
    mentions = laws_and_aliases(text, mentions)
    fill_from_other_mentions(mentions)
    structure = build_structure(text)
    chains = _relations(text, structure, mentions)
    if document.kind == "Văn bản hợp nhất":
        _consolidated(text, structure, mentions)

    citations: list[Citation] = []
    spans: list[tuple[int, int]] = []
    keys: dict[int, str] = {}
    for m in mentions:
        at = getattr(m, "footnote_at", m.kind_start)
        scope = structure.scope(at)
        section = structure.section(at)
        relation = m.relation
        if scope == "task" and relation == "guides":
            relation = "implements"
        para = structure.paragraph_start(m.kind_start)
        q_start, q_end = quote_span(text, para, m, structure)
        ident = _identity(m, document)
        if ident.year is None and m.number:
            warnings.append(f"year unresolved for {m.number}")
        citation = Citation(
            key=ident.key,
            kind=m.kind,
            number=m.number,
            year=ident.year,
            date=ident.date,
            issuer=ident.issuer,
            level=ident.level,
            relation=relation,
            scope=scope,
            section=section,
            start=q_start,
            end=q_end,
            quote=original[q_start:q_end],
            province=ident.province,
            district=ident.district,
            local=ident.level in LOCAL_LEVELS,
            name=m.name,
            alias=m.alias,
        )
        keys[id(m)] = citation.key
        citations.append(citation)
        spans.append((m.start, m.end))

    assertions = []
    for prev, cur, rel in chains:
        start = prev.start
        end = cur.end
        assertions.append(
            Assertion(
                subject=keys[id(prev)],
                relation=rel,
                object=keys[id(cur)],
                start=start,
                end=end,
                quote=original[start:end],
            )
        )
    return CitationResult(citations, assertions, warnings, spans)


__all__ = ["CitationResult", "find_citations"]
