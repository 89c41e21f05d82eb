"""Mentions: every numbered reference in a text, with its kind, date and issuer.

One compiled regex pass (numbers.NUMBER_RE) finds the candidates; each is then parsed
locally on a small folded window: the kind word before it, the date and issuer after it
(or a date/issuer phrase opening the sentence), and a date/issuer phrase shared by a list
of numbers. Laws cited by name (laws.py) and well-known unnumbered documents (aliases.py)
join the same ordered list. No whole-text folding: the work is linear in the candidates.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from lexgraph.extractors import aliases as alias_mod
from lexgraph.extractors.dates import LEAD_DATE_RE, date_after, match_iso
from lexgraph.extractors.issuers import level_of, read_issuer, short_form
from lexgraph.extractors.laws import find_laws
from lexgraph.extractors.numbers import NUMBER_RE, canonical_number, kind_from_number, type_code
from lexgraph.extractors.text import trie_alternation
from lexgraph.model import DocumentInfo

# Folded view of the text being processed (per thread, set by find_citations).
STATE = threading.local()

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
# Codes shaped like document numbers that name no document (folded text just before the
# number): a form or report table, 'mẫu số 01-ĐK-TCT', 'mẫu số <08-MST>', 'Biểu số:
# 411/GN-Sở', 'tờ khai 05/KK-TNCN'; a standard, after its series ('TCCS 02/2016/CĐUB',
# 'QCVN:01-2008/BLĐTBXH') or its series number and a colon ('QCVN 06:2012/BLĐTBXH',
# 'Tiêu chuẩn cơ sở 661: 2018/BVTV').
_NOT_A_DOCUMENT = re.compile(
    r"(?:(?<![a-z])(?:(?:bieu|mau|bieu\s+mau|to\s+khai(?:\s+mau)?)(?:\s+so)?|qcvn|tcvn|tccs)"
    r"\s*:?|\d[ \t]?:)\s*[<(\"“]?\s*$"
)
# What _NOT_A_DOCUMENT needs (a form word, a standard's series or a colon): 93% of the
# windows have none, and this literal search is ~5x cheaper than the regex.
_CODE_HINT = re.compile("mau|bieu|khai|qcvn|tcvn|tccs|:")


def _is_code(before: str) -> bool:
    return bool(_CODE_HINT.search(before) and _NOT_A_DOCUMENT.search(before))


_CODE_LIST_GAP = re.compile(r"[\s,;<>()\"“”]*(?:(?:hoac|va)[\s<(\"“]*)?$")
SHARE_GAP = re.compile(r"^[\s,*|]*(?:va|,)\s*$")
_OF = re.compile(r"[\s,(*|]*(?:cua|giua)\s+")
_QUALIFIER = re.compile(r"\s*[(,]?\s*khoa\s+[ivxl]+\s*\)?")
_HEADER_NO = re.compile(r"^[ \t*|]*Số\s*(?:hiệu)?\s*:\s*", re.M)
_ISSUED_BY = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:da\s+|tiep tuc\s+)*ban hanh\s")
# 'của Sở Tài chính tại Tờ trình số', 'đã được Thủ tướng Chính phủ phê duyệt tại các
# Quyết định: số 36/QĐ-TTg': an issuer named before 'tại' and the kind word.
_OF_AT = re.compile(r"(?<![a-z])(?:cua|giua|duoc)\s+(?=[^;.]{3,90}?\s+tai\s+(?:cac\s+)?$)")


def _ends_with_tai(folded: str) -> bool:
    """What _OF_AT needs at the end ('tại', 'tại các' and a space): checked first, since the
    regex scans every position and almost no window ends so (-60 ms on the corpus)."""
    word = folded.rstrip()
    return len(word) < len(folded) and (word.endswith("tai") or word.endswith("cac"))


_AT_AFTER = re.compile(r"\s+(?:(?:phe duyet|ban hanh|quy dinh|giao|chi dao)\s+)?tai\b")
# A bare 'số' list item: '...; số 1569/QĐ-TTg ... và số 1668/QĐ-TTg'.
_BARE_ITEM = re.compile(r"(?:[;,]|\sva)\s*so\s*:?\s*$")


@dataclass
class Mention:
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


def own_numbers(text: str, document: DocumentInfo) -> set[str]:
    own = set()
    if document.number:
        own.add(canonical_number(document.number))
    for header in _HEADER_NO.finditer(text, 0, min(len(text), 6000)):
        match = NUMBER_RE.match(text, header.end())
        if match:
            own.add(canonical_number(match.group(0)))
    return own


def _kind_before(text: str, start: int, prev: Mention | None) -> tuple[str | None, int]:
    lo = max(0, start - 140)
    window = STATE.ft.window(lo, start)
    match = _KIND_END.search(window)
    if match:
        return _KIND_NAMES[match.group(1)], lo + match.start(1)
    # A substring test first: the regex scans every position, 'luat' is rarely there.
    match = _LAW_BEFORE.search(window) if "luat" in window else None
    if match:
        return _KIND_NAMES[match.group(1)], lo + match.start(1)
    return None, start


def _parse_tail(text: str, mention: Mention, pos: int | None = None) -> None:
    """Date and issuer written after the mention (from ``pos``, its end by default)."""
    pos = mention.end if pos is None else pos
    folded = STATE.ft.window(pos, pos + 220)
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


def _parse_lead(text: str, mention: Mention) -> None:
    """'Ngày 16 tháng 5 năm 2016, Thủ tướng Chính phủ đã ban hành Chỉ thị số 16/CT-TTg'."""
    lo = max(0, mention.kind_start - 260)
    folded = STATE.ft.window(lo, mention.kind_start)
    if mention.issuer is None:
        found = list(_OF_AT.finditer(folded)) if _ends_with_tai(folded) else []
        at = found[-1] if found else None
        if at is not None:
            raw, end = read_issuer(text, lo + at.end())
            if raw and _AT_AFTER.match(STATE.ft.window(end, end + 20)):
                mention.issuer, mention.place = short_form(raw)
                mention.lead_issuer = True
    last = None
    for match in LEAD_DATE_RE.finditer(folded) if "ngay" in folded else ():  # half have none
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
        if raw and _ISSUED_BY.match(STATE.ft.window(end, mention.kind_start + 1)):
            mention.issuer, mention.place = short_form(raw)
            mention.lead_issuer = True


# The last sentence start before the kind word: '... nhiệm vụ được giao[1]. Chính phủ đã
# ban hành Nghị quyết số 66.7/2025/NQ-CP': the subject of 'ban hành' is the issuer.
_SENTENCE_OPEN = re.compile(r"(?:^|[.;:!?]\S{0,4}\s+)(?=[^.;:!?]{4,120}$)")


# 'Phụ lục III, IV và V ban hành kèm theo Nghị định số ...': annexed, not issued by a subject.
_ANNEXED = re.compile(r"^\s*ban hanh kem theo")


def _subject_issuer(text: str, mention: Mention, lo: int, folded: str) -> None:
    """'<Issuer> (đã) ban hành <kind> số ...' opening a sentence: the subject issued it."""
    if "ban hanh" not in folded[-40:]:
        return
    opened = _SENTENCE_OPEN.search(folded)
    if opened is None:
        return
    starts = [lo + opened.end()]
    # 'Về vấn đề này, Chính phủ đã ban hành ...': an adverbial opens the sentence and the
    # subject follows its comma.
    comma = folded.rfind(", ", opened.end())
    if comma >= 0:
        starts.append(lo + comma + 2)
    for at in starts:
        if not text[at : at + 1].isupper():
            continue
        raw, end = read_issuer(text, at)
        verb = STATE.ft.window(end, mention.kind_start + 1)
        if raw and _ISSUED_BY.match(verb) and not _ANNEXED.match(verb):
            mention.issuer, mention.place = short_form(raw)
            mention.lead_issuer = True
            return


def find_mentions(text: str, own: set[str], own_level: str | None = None) -> list[Mention]:
    """Every numbered mention. The document's own number is skipped, unless the mention
    names an issuer of another level ('Kế hoạch số 85/KH-UBND ... của UBND tỉnh' cited by a
    district's own Kế hoạch 85/KH-UBND: same number, another document)."""
    mentions: list[Mention] = []
    prev: Mention | None = None
    code_end: int | None = None  # the end of the last number skipped as a form or standard
    for match in NUMBER_RE.finditer(text):
        number = canonical_number(match.group(0))
        is_own = number in own
        if is_own and own_level is None:
            continue
        if _is_code(STATE.ft.window(max(0, match.start() - 24), match.start())) or (
            code_end is not None and _CODE_LIST_GAP.match(STATE.ft.window(code_end, match.start()))
        ):  # a form or standard, or the next of a list of them ('<01-ĐK-TCT> hoặc <08-MST>')
            code_end = match.end()
            continue
        code_end = None
        kind, kind_start = _kind_before(text, match.start(), prev)
        if kind is None and prev is not None and prev.number:
            gap = STATE.ft.window(prev.tail_end, match.start())
            if _LIST_GAP.match(gap) and type_code(prev.number) == type_code(number):
                kind = prev.kind
        if kind is None:
            kind = kind_from_number(number)
        mention = Mention(match.start(), match.end(), kind_start, number, kind)
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
            gap = STATE.ft.window(prev.tail_end, match.start())
            listed = _LIST_GAP.match(gap) or (
                _BARE_ITEM.search(gap) and not re.search(r"\.\s", gap)
            )
            if listed and type_code(prev.number or "") == type_code(number):
                mention.issuer, mention.place = prev.issuer, prev.place
                mention.lead_issuer = True
        mentions.append(mention)
        prev = mention
    return mentions


def share_phrases(text: str, mentions: list[Mention]) -> None:
    """'Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị'."""
    for i in range(len(mentions) - 2, -1, -1):
        cur, nxt = mentions[i], mentions[i + 1]
        if cur.issuer or not cur.number or not nxt.number:
            continue
        if SHARE_GAP.match(STATE.ft.window(cur.tail_end, nxt.kind_start)):
            cur.date = cur.date or nxt.date
            cur.issuer, cur.place = nxt.issuer, nxt.place


def fill_from_other_mentions(mentions: list[Mention]) -> None:
    """A document undated at one mention and dated at another gets the date (and issuer)."""
    best: dict[str, Mention] = {}
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


def laws_and_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    extra: list[Mention] = []
    for law in find_laws(text):
        if law.numbered:
            continue
        m = Mention(law.start, law.end, law.start, law.number, law.kind, name=law.name)
        m.law_year = law.year
        m.tail_end = law.end
        m.level = "central_state"
        # The date phrase after the name ('Bộ luật Tố tụng hình sự ngày 27 tháng 11 năm
        # 2015') is its tail; named here and numbered elsewhere, its issuer follows too.
        _parse_tail(text, m, law.name_end)
        m.tail_end = max(m.tail_end, law.end)
        if not law.number:
            m.issuer = m.place = None
        extra.append(m)
    for found in alias_mod.find_aliases(text):
        a = found.alias
        m = Mention(found.start, found.end, found.start, a.number, a.kind, date=a.date)
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
