"""The citation engine: every document a text references, with its identity and relation.

One compiled regex pass (numbers.NUMBER_RE) finds the candidates; each is then parsed
locally on a small folded window: the kind word before it, the date and issuer after it
(or a date/issuer phrase opening the sentence), a date/issuer phrase shared by a list of
numbers, the relation cue of its paragraph, and the chain it forms with the previous
mention. Laws cited by name (laws.py) and well-known unnumbered documents (aliases.py)
join the same ordered list of mentions. No whole-text folding, no per-character loops:
the work is linear in the number of candidates.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from lexgraph.extractors import aliases as alias_mod
from lexgraph.extractors.chains import chain_relation
from lexgraph.extractors.dates import LEAD_DATE_RE, date_after, match_iso
from lexgraph.extractors.issuers import (
    LOCAL_LEVELS,
    level_of,
    level_of_number,
    read_issuer,
    short_form,
)
from lexgraph.extractors.keys import document_key, law_key
from lexgraph.extractors.laws import find_laws
from lexgraph.extractors.numbers import (
    NUMBER_RE,
    canonical_number,
    kind_from_number,
    number_year,
    type_code,
)
from lexgraph.extractors.relations import (
    Structure,
    build_structure,
    continuing_kinds,
    cue_at,
    in_aside,
    paragraph_head,
    sentence_start,
)
from lexgraph.extractors.text import fold, trie_alternation, view
from lexgraph.model import Assertion, Citation, DocumentInfo

# Folded view of the text being processed (per thread, set by find_citations).
_LOCAL = threading.local()

_KINDS = [
    ("chuong trinh hanh dong", "Chương trình hành động"),
    ("chuong trinh phoi hop", "Chương trình phối hợp"),
    ("chuong trinh", "Chương trình"),
    ("ke hoach hanh dong", "Kế hoạch hành động"),
    ("ke hoach phoi hop", "Kế hoạch phối hợp"),
    ("ke hoach lien tich", "Kế hoạch liên tịch"),
    ("ke hoach", "Kế hoạch"),
    ("nghi quyet lien tich", "Nghị quyết liên tịch"),
    ("nghi quyet", "Nghị quyết"),
    ("nghi dinh", "Nghị định"),
    ("chi thi", "Chỉ thị"),
    ("quyet dinh", "Quyết định"),
    ("quy dinh", "Quy định"),
    ("ket luan", "Kết luận"),
    ("huong dan", "Hướng dẫn"),
    ("quy che", "Quy chế"),
    ("de an", "Đề án"),
    ("cong van", "Công văn"),
    ("van ban hop nhat", "Văn bản hợp nhất"),
    ("van ban", "Công văn"),
    ("thong tu lien tich", "Thông tư liên tịch"),
    ("thong tu", "Thông tư"),
    ("phap lenh", "Pháp lệnh"),
    ("bo luat", "Bộ luật"),
    ("luat", "Luật"),
    ("to trinh", "Tờ trình"),
    ("bao cao", "Báo cáo"),
    ("thong bao", "Thông báo"),
    ("cong dien", "Công điện"),
    ("phuong an", "Phương án"),
    ("thong tri", "Thông tri"),
    ("dieu le", "Điều lệ"),
]
_KIND_NAMES = dict(_KINDS)
_KIND_END = re.compile(
    r"(" + trie_alternation([k for k, _ in _KINDS], guard=r"(?<![a-z].)") + r")"
    r"(?:\s+(?:tham tra|giai trinh(?:\s*,?\s*tiep thu)?|ket luan))?"
    r"\s*(?:\([^()]{0,60}\)\s*)?:?(?:\s*so(?:\s*hieu)?)?\s*:?\s*[*|]*\s*$"
)
_LAW_BEFORE = re.compile(r"(?<![a-z])(bo luat|luat)\s+[^;.()]{1,120}?\s+so\s*:?\s*$")
_LIST_GAP = re.compile(r"^[\s,;*|]*(?:va\s+)?(?:so\s*:?\s*)?$")
_SHARE_GAP = re.compile(r"^[\s,*|]*(?:va|,)\s*$")
_OF = re.compile(r"[\s,(*|]*(?:cua|giua)\s+")
_QUALIFIER = re.compile(r"\s*[(,]?\s*khoa\s+[ivxl]+\s*\)?")
_HEADER_NO = re.compile(r"^[ \t*|]*Số\s*(?:hiệu)?\s*:\s*", re.M)
_ISSUED_BY = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:da\s+|tiep tuc\s+)*ban hanh\s")
# 'của Sở Tài chính tại Tờ trình số', 'đã được Thủ tướng Chính phủ phê duyệt tại các
# Quyết định: số 36/QĐ-TTg': an issuer named before 'tại' and the kind word.
_OF_AT = re.compile(r"(?<![a-z])(?:cua|giua|duoc)\s+(?=[^;.]{3,90}?\s+tai\s+(?:cac\s+)?$)")
_AT_AFTER = re.compile(r"\s+(?:(?:phe duyet|ban hanh|quy dinh|giao|chi dao)\s+)?tai\b")
# A bare 'số' list item: '...; số 1569/QĐ-TTg ... và số 1668/QĐ-TTg'.
_BARE_ITEM = re.compile(r"(?:[;,]|\sva)\s*so\s*:?\s*$")
_FOOTNOTE = re.compile(r"[ \t*|]*([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])")


@dataclass
class CitationResult:
    citations: list[Citation]
    assertions: list[Assertion]
    warnings: list[str]
    # Mention offsets (the number or name itself), parallel to ``citations``; the quote
    # offsets are Citation.start/end.
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Mention:
    start: int
    end: int
    kind_start: int
    number: str | None
    kind: str | None
    date: str | None = None
    issuer: str | None = None
    place: str | None = None
    tail_end: int = 0
    name: str | None = None
    alias: str | None = None
    law_year: int | None = None
    level: str | None = None
    relation: str = "cites"
    chain_target: bool = False
    lead_issuer: bool = False  # the issuer came from a phrase before the kind word


def _own_numbers(text: str, document: DocumentInfo) -> set[str]:
    own = set()
    if document.number:
        own.add(canonical_number(document.number))
    for header in _HEADER_NO.finditer(text, 0, min(len(text), 6000)):
        match = NUMBER_RE.match(text, header.end())
        if match:
            own.add(canonical_number(match.group(0)))
    return own


def _kind_before(text: str, start: int, prev: _Mention | None) -> tuple[str | None, int]:
    lo = max(0, start - 140)
    window = _LOCAL.ft.window(lo, start)
    match = _KIND_END.search(window)
    if match:
        return _KIND_NAMES[match.group(1)], lo + match.start(1)
    match = _LAW_BEFORE.search(window)
    if match:
        return _KIND_NAMES[match.group(1)], lo + match.start(1)
    return None, start


def _parse_tail(text: str, mention: _Mention) -> None:
    pos = mention.end
    folded = _LOCAL.ft.window(pos, pos + 220)
    date, used = date_after(folded)
    offset = used
    issuer_raw = ""
    of = _OF.match(folded, offset)
    if of:
        issuer_raw, end = read_issuer(text, pos + of.end())
        if issuer_raw:
            offset = end - pos
            qual = _QUALIFIER.match(folded, offset)
            if qual:
                offset = qual.end()
            if date is None:
                later, used2 = date_after(folded[offset:])
                if later:
                    date, offset = later, offset + used2
    mention.date = date
    mention.tail_end = pos + offset
    if issuer_raw:
        mention.issuer, mention.place = short_form(issuer_raw)


def _parse_lead(text: str, mention: _Mention) -> None:
    """'Ngày 16 tháng 5 năm 2016, Thủ tướng Chính phủ đã ban hành Chỉ thị số 16/CT-TTg'."""
    lo = max(0, mention.kind_start - 260)
    folded = _LOCAL.ft.window(lo, mention.kind_start)
    if mention.issuer is None:
        found = list(_OF_AT.finditer(folded))
        at = found[-1] if found else None
        if at is not None:
            raw, end = read_issuer(text, lo + at.end())
            if raw and _AT_AFTER.match(_LOCAL.ft.window(end, end + 20)):
                mention.issuer, mention.place = short_form(raw)
                mention.lead_issuer = True
    last = None
    for match in LEAD_DATE_RE.finditer(folded):
        last = match
    if last is None:
        if mention.issuer is None:
            _subject_issuer(text, mention, lo, folded)
        return
    between = folded[last.end() :]
    if re.search(r"[.;]", between) or "ban hanh" not in between:
        return
    if mention.date is None:
        mention.date = match_iso(last)
    if mention.issuer is None:
        raw, end = read_issuer(text, lo + last.end() + (len(between) - len(between.lstrip())))
        if raw and _ISSUED_BY.match(_LOCAL.ft.window(end, mention.kind_start + 1)):
            mention.issuer, mention.place = short_form(raw)
            mention.lead_issuer = True


# The last sentence start before the kind word: '... nhiệm vụ được giao[1]. Chính phủ đã
# ban hành Nghị quyết số 66.7/2025/NQ-CP': the subject of 'ban hành' is the issuer.
_SENTENCE_OPEN = re.compile(r"(?:^|[.;:!?]\S{0,4}\s+)(?=[^.;:!?]{4,120}$)")


def _subject_issuer(text: str, mention: _Mention, lo: int, folded: str) -> None:
    """'<Issuer> (đã) ban hành <kind> số ...' opening a sentence: the subject issued it."""
    if "ban hanh" not in folded[-40:]:
        return
    opened = _SENTENCE_OPEN.search(folded)
    if opened is None:
        return
    at = lo + opened.end()
    if not text[at : at + 1].isupper():
        return
    raw, end = read_issuer(text, at)
    if raw and _ISSUED_BY.match(_LOCAL.ft.window(end, mention.kind_start + 1)):
        mention.issuer, mention.place = short_form(raw)
        mention.lead_issuer = True


def _find_mentions(text: str, own: set[str], own_level: str | None = None) -> list[_Mention]:
    """Every numbered mention. The document's own number is skipped, unless the mention
    names an issuer of another level ('Kế hoạch số 85/KH-UBND ... của UBND tỉnh' cited by a
    district's own Kế hoạch 85/KH-UBND: same number, another document)."""
    mentions: list[_Mention] = []
    prev: _Mention | None = None
    for match in NUMBER_RE.finditer(text):
        number = canonical_number(match.group(0))
        is_own = number in own
        if is_own and own_level is None:
            continue
        kind, kind_start = _kind_before(text, match.start(), prev)
        if kind is None and prev is not None and prev.number:
            gap = _LOCAL.ft.window(prev.tail_end, match.start())
            if _LIST_GAP.match(gap) and type_code(prev.number) == type_code(number):
                kind = prev.kind
        if kind is None:
            kind = kind_from_number(number)
        mention = _Mention(match.start(), match.end(), kind_start, number, kind)
        _parse_tail(text, mention)
        if is_own:
            other = level_of(mention.issuer)
            if not (other and other != own_level):
                continue
        if mention.date is None or mention.issuer is None:
            _parse_lead(text, mention)
        if mention.issuer is None and prev is not None and prev.lead_issuer:
            # 'Theo đề nghị của Sở Tài chính tại Tờ trình số: 421/TTr-STC ngày 29/10/2025,
            # 501/TTr-STC ngày 20/11/2025': an issuer named before a list covers every item.
            gap = _LOCAL.ft.window(prev.tail_end, match.start())
            listed = _LIST_GAP.match(gap) or (
                _BARE_ITEM.search(gap) and not re.search(r"\.\s", gap)
            )
            if listed and type_code(prev.number or "") == type_code(number):
                mention.issuer, mention.place = prev.issuer, prev.place
                mention.lead_issuer = True
        mentions.append(mention)
        prev = mention
    return mentions


def _share_phrases(text: str, mentions: list[_Mention]) -> None:
    """'Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị'."""
    for i in range(len(mentions) - 2, -1, -1):
        cur, nxt = mentions[i], mentions[i + 1]
        if cur.issuer or not cur.number or not nxt.number:
            continue
        if _SHARE_GAP.match(_LOCAL.ft.window(cur.tail_end, nxt.kind_start)):
            cur.date = cur.date or nxt.date
            cur.issuer, cur.place = nxt.issuer, nxt.place


def _fill_from_other_mentions(mentions: list[_Mention]) -> None:
    """A document undated at one mention and dated at another gets the date (and issuer)."""
    best: dict[str, _Mention] = {}
    for m in mentions:
        if m.number and (m.number not in best or (m.date and not best[m.number].date)):
            best[m.number] = m
    for m in mentions:
        if m.number:
            ref = best[m.number]
            if m.date is None:
                m.date = ref.date
            if m.issuer is None and ref.issuer:
                m.issuer, m.place = ref.issuer, ref.place


def _relations(text: str, structure: Structure, mentions: list[_Mention]) -> list[tuple]:
    chains: list[tuple] = []
    continuing = continuing_kinds(text, structure)
    footnote_rel: dict[int, tuple[str, int]] = {}
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
                and _SHARE_GAP.match(_LOCAL.ft.window(prev.tail_end, m.kind_start))
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
                if in_aside(_LOCAL.ft.window(para, m.kind_start)):
                    m.relation = "cites"
                continue
        if m.chain_target:
            m.relation = "implements" if m.start < structure.title_end else "cites"
            continue
        head = paragraph_head(text, para, _LOCAL.ft)
        if head == "cites":
            m.relation = "cites"
            continue
        if head == "based_on":
            gap = _LOCAL.ft.window(prev.tail_end, m.kind_start) if same_para else ""
            if (
                not same_para
                or _BASIS_GAP.match(gap)
                or _BASIS_GAP.match(gap[gap.rfind(";") + 1 :])
            ):
                m.relation = "based_on"
            else:
                m.relation = "cites"
            continue
        cue = cue_at(text, para, m.kind_start, _LOCAL.ft)
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
    cue = cue_at(text, structure.paragraph_start(where), where, _LOCAL.ft)
    if cue.relation != "cites" and _ISSUED_BEFORE.search(_LOCAL.ft.window(cue.end, where)):
        return "cites"
    return cue.relation


_LIST_BREAK = re.compile(r";|\n\s*\n|\.\s")
_DESCRIPTION_BREAK = re.compile(r"[,;:()]|\n\s*\n|\.\s")
# How a subject clause opens: 'về (việc)', or the verb of the cited act.
_DESCRIPTION_HEAD = re.compile(
    r"[\s*|]*(?:ve\s|quy dinh\s|huong dan\s|ban hanh\s|phe duyet\s|sua doi|bo sung\s|"
    r"tam ngung\s|dieu chinh\s|bai bo\s|thay the\s)"
)


def _described(text: str, mentions: list[_Mention], i: int, para: int, cue: int) -> _Mention | None:
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
    if len(gap) > 150 or _DESCRIPTION_BREAK.search(gap):
        return None
    if _DESCRIPTION_HEAD.match(_LOCAL.ft.window(mentions[j].tail_end, cue)):
        return mentions[j]
    return None


# Between two mentions of one 'Căn cứ' paragraph: nothing but a list separator (the next
# basis), or an amendment phrase. After the last ';' of a longer gap the same holds: 'Căn
# cứ Nghị định số 63/2010/NĐ-CP ... về kiểm soát thủ tục hành chính; Nghị định số
# 92/2017/NĐ-CP ...' lists two bases, while a number inside the first's subject is cited.
_BASIS_GAP = re.compile(
    r"^[\s,;*|]*(?:va\s+|;\s*)?(?:can cu\s+)?(?:(?:da\s+)?duoc\s+sua doi[\s,]*(?:bo sung\s+)?"
    r"(?:mot so dieu\s+)?(?:theo|boi|tai)\s+)?(?:cac\s+)?$"
)


def _share_subject(
    text: str, mentions: list[_Mention], j: int, target: _Mention, rel: str, chains: list
) -> None:
    """'Kế hoạch số 14-KH/TU ... và Kế hoạch số 24/KH-UBND ... thực hiện Nghị quyết X':
    every subject joined by 'và' / ',' implements X."""
    while j > 0:
        first, second = mentions[j - 1], mentions[j]
        if not first.number or first.chain_target:
            return
        if not _SHARE_GAP.match(_LOCAL.ft.window(first.tail_end, second.kind_start)):
            return
        chains.append((first, target, rel))
        j -= 1


def _laws_and_aliases(text: str, mentions: list[_Mention]) -> list[_Mention]:
    extra: list[_Mention] = []
    for law in find_laws(text):
        if law.numbered:
            continue
        m = _Mention(law.start, law.end, law.start, None, law.kind, name=law.name)
        m.law_year = law.year
        m.tail_end = law.end
        m.level = "central_state"
        extra.append(m)
    for found in alias_mod.find_aliases(text):
        a = found.alias
        m = _Mention(found.start, found.end, found.start, a.number, a.kind, date=a.date)
        m.issuer, m.alias, m.name, m.level = a.issuer, a.id, a.name, a.level
        m.tail_end = found.end
        _parse_tail(text, m)
        m.date = m.date or a.date
        m.issuer = a.issuer
        if a.number is None:  # an unnumbered document (a Party congress resolution)
            m.law_year = int(a.date[:4]) if a.date else None
        extra.append(m)
    if not extra:
        return mentions
    merged = mentions + extra
    merged.sort(key=lambda x: x.start)
    return merged


# A header line a quote never reaches back over: the national motto, the Party's name,
# the number line, a place-date line, rules and blank or debris-only lines.
_HEADER_LINE = re.compile(
    r"[ \t*|>#]*(?:(?:CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập\s*[-–]|ĐỘC LẬP\s*[-–])|"
    r"Số\s*(?:hiệu\s*)?:|Số\s+\d|[^\n]{0,50}ngày\s[^\n]{0,12}tháng\s[^\n]{0,8}năm[\s\d.…|*]*$|"
    r"[\s|*\-_=–—.…]*$)"
)
# A line that ends a sentence (or a list item): the next line starts a new clause.
_LINE_END_CLAUSE = re.compile(r"[.;:!?][\s*|”\"’)]*$")
_QUOTE_STOP = re.compile(r"[.;](?=\s)|\n\s*\n")
_QUOTE_REACH = 200
# Where a quote stops going forward: the line holding the motto, a rule or a signature stamp.
_QUOTE_WALL = re.compile(
    r"\n[^\n]*?(?:CỘNG H[OÒ]A XÃ HỘI|Độc lập\s*[-–]\s*Tự do|Ký bởi\s*:)|\n[ \t*|]*[-—–_=]{3,}"
)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _line_block_start(text: str, lo: int, pos: int) -> int:
    """Start of the clause's first line: walk back over earlier lines of the same block
    (a wrapped sentence, a title on several lines) until a blank or header line, or a line
    ending a sentence; never before ``lo``."""
    start = text.rfind("\n", lo, pos) + 1
    if start <= lo:
        return lo
    while start > lo:
        prev = text.rfind("\n", lo, start - 1) + 1
        line = text[max(prev, lo) : start - 1]
        if _HEADER_LINE.match(line) or _LINE_END_CLAUSE.search(line):
            break
        start = max(prev, lo)
    return start


def _quote_span(text: str, para: int, m: _Mention, structure: Structure) -> tuple[int, int]:
    """The clause giving the evidence: from the start of the mention's sentence (or title
    line) to the end of its clause, within _QUOTE_REACH characters on either side, cut at
    word boundaries; a title mention never reaches into the header above the title."""
    anchor = min(m.kind_start, m.start)
    start = _line_block_start(text, para, anchor)
    start = sentence_start(text, start, anchor)
    if anchor - start > _QUOTE_REACH:
        start = anchor - _QUOTE_REACH
    n = len(text)
    tail = max(m.end, m.tail_end)
    end_limit = min(n, tail + _QUOTE_REACH)
    i = bisect_right(structure.bounds, tail)
    if i < len(structure.bounds):
        end_limit = min(end_limit, structure.bounds[i])
    if m.start < structure.title_end:
        end_limit = max(tail, min(end_limit, structure.title_end))
    wall = _QUOTE_WALL.search(text, tail, end_limit)
    if wall:
        end_limit = wall.start()
    if text.count("(", start, m.start) > text.count(")", start, m.start):
        close = text.find(")", tail, end_limit)  # '(Ban hành kèm theo Thông tư số ...)'
        if close >= 0:
            end_limit = close + 1
    stop = _QUOTE_STOP.search(text, tail, end_limit)
    end = stop.end() if stop else end_limit
    # Word boundaries: never start or end inside a word (the mention itself stays whole).
    while 0 < start < m.start and _is_word(text[start - 1]) and _is_word(text[start]):
        start += 1
    while start < m.start and not _is_word(text[start]) and text[start] in " \t\r\n\xa0":
        start += 1
    while m.end < end < n and _is_word(text[end - 1]) and _is_word(text[end]):
        end -= 1
    while end > m.end and text[end - 1].isspace():
        end -= 1
    return start, end


def find_citations(text: str, document: DocumentInfo) -> CitationResult:
    """Every document ``text`` references, in text order, with its assertions."""
    _LOCAL.ft = view(text)
    warnings: list[str] = []
    own = _own_numbers(text, document)
    mentions = _find_mentions(text, own, document.level)
    _share_phrases(text, mentions)
    mentions = _laws_and_aliases(text, mentions)
    _fill_from_other_mentions(mentions)
    structure = build_structure(text)
    chains = _relations(text, structure, mentions)

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
        q_start, q_end = _quote_span(text, para, m, structure)
        if m.number is None:
            key = law_key(m.name or "", m.law_year)
            citation = Citation(
                key=key,
                kind=m.kind,
                year=m.law_year,
                date=m.date if m.alias else None,
                issuer=m.issuer if m.alias else None,
                level=m.level or "central_state",
                relation=relation,
                scope=scope,
                section=section,
                start=q_start,
                end=q_end,
                quote=text[q_start:q_end],
                name=m.name,
                alias=m.alias,
            )
        else:
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
            if year is None:
                warnings.append(f"year unresolved for {m.number}")
            citation = Citation(
                key=key,
                kind=m.kind,
                number=m.number,
                year=year,
                date=m.date,
                issuer=m.issuer,
                level=level,
                relation=relation,
                scope=scope,
                section=section,
                start=q_start,
                end=q_end,
                quote=text[q_start:q_end],
                province=province,
                district=district,
                local=local,
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
                quote=text[start:end],
            )
        )
    return CitationResult(citations, assertions, warnings, spans)


__all__ = ["CitationResult", "find_citations", "bisect_left"]
