"""Relation, scope and section of a mention, from the document's structure and cue words.

Scope: ``document`` for the title and opening (everything before the first numbered or
roman heading, ``Điều 1`` or ``QUYẾT ĐỊNH:``) and for the closing restatement ``Trên đây
là Kế hoạch ...``; ``task`` for the body. Section: the heading hierarchy (``II.8``,
``I.1.a``, ``Điều 2``).

Relation: the last cue word before the mention inside its paragraph decides, so a list
``Tiếp tục thực hiện A; B; C`` gives all three the cue of its head. Cues are matched on
folded text (text.fold), so case and tone-mark placement do not matter.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from lexgraph.extractors.text import FoldedText, LinePattern, fold, trie_alternation

# Line-start patterns (``LinePattern``: group 1 is the match); build_structure went
# from ~1 ms to ~0.5 ms a corpus document with these and the _BOUNDARY rewrite below).
_HEADING = LinePattern(
    r"[ \t*|>#]*(?:(?P<roman>[IVX]{1,5})\s*[.\-–)]|(?P<num>\d{1,2})\s*[.)]|"
    r"(?P<let>[a-zđ])\s*\)|Điều\s+(?P<art>\d{1,3})\s*[.:])(?=[ \t*])"
)
_DECIDES = LinePattern(r"[ \t*|]*(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|CHỈ THỊ)\s*:")
_OPENING_CUE = LinePattern(
    r"[ \t*|]*(?:Căn cứ|Thực hiện|Triển khai|Xét|Theo|Để|Ngày|Qua|Nhằm|Sau|Trên cơ sở|"
    r"Tiếp tục|Thi hành|Hưởng ứng)\b"
)
# Paragraph starts: after a sentence-ending line, before a bullet/heading/opening cue
# (a purpose clause, 'Để tiếp tục thực hiện ...', opens one even after a 'Căn cứ ...;'
# list), after a blank line that follows sentence punctuation. Not after ';' (a list goes on).
# The sentence-end alternative is spelt once per punctuation mark: alternatives that all
# start with a literal let the engine skip to those characters (~2x faster than a class).
_BOUNDARY = re.compile(
    "|".join(re.escape(mark) + r"[ \t*”\"’)]*\n" for mark in ".:!?…") + "|"
    r"\n(?=[ \t*|]*(?:[-+•–]\s|\d{1,2}[.)]\s|[a-zđ]\)\s|[IVX]{1,5}[.\-–]\s|Điều\s+\d{1,3}\s*[.:]|"
    r"Căn cứ|Thực hiện|Triển khai|Xét|Theo đề nghị|Trên đây|Để\s|Nhằm\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\d+\]))"
)
_CLOSING = re.compile(r"^[ \t*|]*trên đây là", re.I)

# Cues start at a word start: the look-behind lets the engine reject most positions at once.
# 'tiếp theo Công điện số 217/CĐ-TTg' (further to): a sequel cites its predecessor, and its
# 'theo' is no 'act according to' cue; 'những năm tiếp theo' (the next years) is no cue.
_CUES = re.compile(
    r"(?<!\w)(?:(?P<passive>(?:sua doi,? ?bo sung|sua doi|bo sung|thay the|bai bo)\s+(?:boi|tai)|"
    r"(?:da\s+)?duoc\s+(?:sua doi,? ?bo sung|sua doi|bo sung|thay the|bai bo)"
    r"(?:\s+(?:theo|boi|tai))?|kem theo)|"
    r"(?P<block>theo de nghi|de nghi cua|xet|tam ngung|ngung hieu luc|sau day (?:goi|viet) tat la|"
    r"sau day goi la|theo doi|theo huong|tiep theo(?=\s+(?:cac\s+)?(?:\w+\s+){0,4}?(?:so\s*:?\s*)?(?:\d|$)))|"
    r"(?P<continues>tiep tuc (?:trien khai |to chuc |quan triet (?:va )?|day manh |phoi hop (?:va )?"
    r"(?:to chuc )?)?(?:thuc hien|trien khai|quan triet))|"
    r"(?P<guides>huong dan (?:thuc hien|thi hanh|trien khai))|"
    r"(?P<amends>sua doi,? ?bo sung|sua doi)|"
    r"(?P<replaces>thay the)|"
    r"(?P<repeals>bai bo|het hieu luc)|"
    r"(?P<corrects>dinh chinh)|"
    r"(?P<consolidates>hop nhat)|"
    r"(?P<based_on>can cu)|"
    r"(?P<implements>thuc hien|trien khai|quan triet|cu the hoa|theo|gan voi|phu hop voi|"
    r"thi hanh|ap dung))"
)
_WORD_EDGE = re.compile(r"\w")
# First words of every cue above; keep in step with _CUES.
_CUE_FIRST = [
    "da",
    "duoc",
    "sua",
    "bo",
    "thay",
    "kem",
    "theo",
    "de",
    "xet",
    "tam",
    "ngung",
    "sau",
    "tiep",
    "huong",
    "bai",
    "het",
    "dinh",
    "hop",
    "can",
    "thuc",
    "trien",
    "quan",
    "cu",
    "gan",
    "phu",
    "thi",
    "ap",
]
_CUE_START = re.compile(trie_alternation(_CUE_FIRST, guard=r"(?<!\w.)") + r"(?!\w)")


@dataclass
class Structure:
    """Where the opening ends, where the title ends, and the heading hierarchy."""

    text: str
    opening_end: int
    title_end: int
    heads: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    bounds: list[int] = field(default_factory=list)
    closing: list[tuple[int, int]] = field(default_factory=list)

    def section(self, pos: int) -> str | None:
        i = bisect_right(self.heads, pos) - 1
        return self.labels[i] if i >= 0 and self.heads[i] >= self.opening_end else None

    def paragraph_start(self, pos: int) -> int:
        return max(self.block_start(pos), pos - 1500)

    def block_start(self, pos: int) -> int:
        """Start of the paragraph holding ``pos``, however long it is (a footnote listing
        twenty documents runs past the 1,500 characters cue searches look back over)."""
        i = bisect_right(self.bounds, pos) - 1
        return self.bounds[i] if i >= 0 else 0

    def scope(self, pos: int) -> str:
        if pos < self.opening_end:
            return "document"
        for start, end in self.closing:
            if start <= pos < end:
                return "document"
        return "task"


def build_structure(text: str) -> Structure:
    heads: list[int] = []
    labels: list[str] = []
    roman = num = let = None
    opening_end = None
    for match in _HEADING.finditer(text):  # group 1: the heading
        if match.group("roman"):
            roman, num, let = match.group("roman"), None, None
        elif match.group("art"):
            roman, num, let = "Điều " + match.group("art"), None, None
        elif match.group("num"):
            num, let = match.group("num"), None
        else:
            if num is None and roman is None:
                continue
            let = match.group("let")
        if opening_end is None and (
            match.group("roman") or match.group("num") or match.group("art")
        ):
            opening_end = match.start(1)
        heads.append(match.start(1))
        labels.append(".".join(p for p in (roman, num, let) if p))
    decides = _DECIDES.search(text)
    if decides and (opening_end is None or decides.start(1) < opening_end):
        opening_end = decides.start(1)
    if opening_end is None:
        opening_end = len(text)
    cue = _OPENING_CUE.search(text, 0, opening_end)
    title_end = cue.start(1) if cue else opening_end
    bounds = [m.end() for m in _BOUNDARY.finditer(text)]
    structure = Structure(text, opening_end, title_end, heads, labels, bounds)
    for match in _CLOSING_LINE.finditer(text):
        structure.closing.append((match.start(1), match.end(1)))
    return structure


_CLOSING_LINE = LinePattern(r"[ \t*|]*Trên đây là[^\n]*(?:\n[^\n]+){0,3}")


def last_cue(folded: str) -> re.Match[str] | None:
    """The last cue in a folded stretch of text (passive forms and cues inside words are
    skipped); None when there is none."""
    last = None
    last_end = 0
    # Same result as _CUES.finditer, but the engine is entered only where a cue's first
    # word starts (a literal-first trie), not at every character.
    for cand in _CUE_START.finditer(folded):
        if cand.start() < last_end:
            continue
        match = _CUES.match(folded, cand.start())
        if match is None:
            continue
        s, e = match.span()
        last_end = e
        if (s and _WORD_EDGE.match(folded[s - 1])) or (
            e < len(folded) and _WORD_EDGE.match(folded[e])
        ):
            continue
        if match.lastgroup == "passive":
            continue
        last = match
    return last


def _cue_name(match: re.Match[str]) -> str:
    return "cites" if match.lastgroup == "block" else str(match.lastgroup)


def cue_relation(folded: str) -> str | None:
    """Relation named by the last cue in a folded stretch of text; None when no cue."""
    match = last_cue(folded)
    return _cue_name(match) if match else None


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])")
_HEAD = re.compile(
    r"^[\s*|\-+•–]*(?P<block>xet|theo de nghi|tren co so de nghi)\b|^[\s*|\-+•–]*(?P<base>can cu)\b"
)


def paragraph_head(text: str, para_start: int, folded: FoldedText | None = None) -> str | None:
    """'cites' for a 'Xét ...'/'Theo đề nghị ...' paragraph, 'based_on' for 'Căn cứ ...'."""
    end = para_start + 40
    match = _HEAD.match(folded.window(para_start, end) if folded else fold(text[para_start:end]))
    if not match:
        return None
    return "cites" if match.group("block") else "based_on"


def sentence_start(text: str, lo: int, pos: int) -> int:
    """End of the last sentence break in text[lo:pos] (lo if none), searched backwards:
    the break is usually near, so this does not scan the whole stretch."""
    i = pos
    while i > lo:
        j = max(text.rfind(".", lo, i), text.rfind("!", lo, i), text.rfind("?", lo, i))
        if j < 0:
            break
        match = _SENTENCE_END.match(text, j, pos)
        if match:
            return match.end()
        i = j
    return lo


def relation_at(text: str, para_start: int, pos: int, folded: FoldedText | None = None) -> str:
    """Relation for a mention whose kind word starts at ``pos``: the last cue of its
    sentence (a sentence ends at '. ' before a capital)."""
    return cue_at(text, para_start, pos, folded).relation


@dataclass
class Cue:
    relation: str
    start: int  # offsets of the cue words in the text; -1 when there is no cue
    end: int


def cue_at(text: str, para_start: int, pos: int, folded: FoldedText | None = None) -> Cue:
    """The governing cue of a mention whose kind word starts at ``pos``, after the grammar
    checks below (a cue that does not govern the mention gives ``cites``)."""
    start = sentence_start(text, max(para_start, pos - 1500), pos)
    # The last cue is usually near: look at the nearest 250 characters first.
    near = max(start, pos - 250)
    get = folded.window if folded else (lambda a, b: fold(text[a:b]))
    base = near
    match = last_cue(mask_asides(get(near, pos)))
    if match is None and near > start:
        base = start
        match = last_cue(mask_asides(get(start, near + 30)))
    if match is None:
        return Cue("cites", -1, -1)
    cue = Cue(_cue_name(match), base + match.start(), base + match.end())
    if cue.relation == "implements":
        governs = _governs(text, start, cue, pos, get)
    else:  # a change verb whose subject is a cited document is that document's change
        clause = max(start, cue.start - 160, text.rfind(";", 0, cue.start) + 1)
        governs = cue.relation not in _CHANGES or not _AMENDER.search(get(clause, cue.start))
    if not governs:
        cue.relation = "cites"
    return cue


_CHANGES = frozenset({"amends", "replaces", "repeals"})
# '+ Nghị định số 280/2025/NĐ-CP (ngày ...) (của Chính phủ) sửa đổi, bổ sung ... Nghị định
# số 23/2015/NĐ-CP': the change is that cited document's, not the citing one's (which only
# cites both). Matched on the folded text just before the cue.
_AMENDER = re.compile(
    r"(?:nghi dinh|thong tu(?: lien tich)?|quyet dinh|nghi quyet|luat|bo luat|phap lenh|"
    r"chi thi)\s+(?:so\s+)?\d[\w./-]*(?:\s+ngay\s+[\d/ a-z]{4,30}?)?"
    r"(?:\s+cua\s+[a-z ,-]{2,80}?)?\s*,?\s*$"
)


_CLOSED_ASIDE = re.compile(r"\([^()]*\)")


def mask_asides(folded: str) -> str:
    """Blank out closed parentheses: a cue inside one never governs what follows it.
    'Thực hiện Chỉ thị số 27/CT-TTg ... (sau đây viết tắt là Chỉ thị số 27/CT-TTg); Công
    văn số 6676/BYT-CDS ...': 'Thực hiện' governs the Công văn, not 'sau đây viết tắt là'."""
    if "(" not in folded:
        return folded
    return _CLOSED_ASIDE.sub(lambda m: " " * len(m.group(0)), folded)


# 'người đang hưởng trợ cấp ... theo Quyết định số ...': who benefits, not a task. Matched
# on the original text: folding merges 'hưởng' (receive) with 'hướng' (direction).
_BENEFIT = re.compile(r"(?<!\w)[Hh]ưởng(?!\w)")
# 'Áp dụng trên địa bàn các xã theo Nghị quyết số ...': which communes a rule covers.
_AREA = re.compile(r"(?<!\w)(?:dia ban|dia gioi)[^;.()]{0,40}$")
# 'Tổng hợp kết quả thực hiện Nghị quyết ...', 'cuộc họp về tình hình thực hiện ...': the
# state of implementing X is the topic, not a demand (but 'Báo cáo tình hình thực hiện X'
# asks for a report: still a task).
_REPORT = re.compile(r"(?<!\w)(?<!bao cao )(?:ket qua|tinh hinh)\s+(?:trien khai\s+)?$")
# '(kể cả người nghỉ hưu ... chuyển sang theo Quyết định số 41/2009/QĐ-TTg ...)': an
# inclusion aside says who or what is covered, not what to do. 'kể cả' (including) also
# after a comma; 'bao gồm' only as an aside ('nhiệm vụ, bao gồm những việc phải làm theo
# quy định của Luật ...' lists duties: still a task).
_COVERED = re.compile(
    r"(?:\(\s*(?:ke ca|bao gom|khong bao gom|ngoai tru|tru)|(?<!\w)ke ca)\s[^;.()]{0,240}$"
)
# '... triển khai các nhiệm vụ tại Quyết định số 1565/QĐ-TTg: Về vấn đề này, Chính phủ đã
# ban hành Nghị quyết số 214/NQ-CP': a narrated issuance reports what exists; the cue before
# it governs the earlier object, not the issued document.
_NARRATED = re.compile(r"(?<![a-z])(?:da|vua)\s+(?:ky\s+)?ban hanh\s+(?:cac\s+)?$")
# '... theo thẩm quyền (Ngày 23/10/2025, NHNN tiếp tục ban hành Quyết định số ...': a
# parenthetical narration is outside the cue before it.
_ASIDE = re.compile(r"\(\s*ngay\s+\d[^)]*$")


def _governs(text: str, start: int, cue: Cue, pos: int, get) -> bool:
    """Whether an implementing cue governs the mention at ``pos`` (grammar of the clause)."""
    word = get(cue.start, cue.end)
    before = get(max(start, cue.start - 60), cue.start)
    if _REPORT.search(before):
        return False
    if word == "theo":
        clause_start = max(start, cue.start - 200, text.rfind(";", 0, cue.start) + 1)
        if _BENEFIT.search(text, clause_start, cue.start):
            return False
        if _AREA.search(before):
            return False
        if _COVERED.search(get(max(clause_start, cue.start - 250), cue.start)):
            return False
    after = get(cue.end, pos)
    if "ban hanh" in after and _NARRATED.search(after):
        return False
    return not in_aside(after)


def in_aside(folded: str) -> bool:
    """Whether the end of ``folded`` lies inside a parenthetical narration ('(Ngày ...')."""
    return bool(_ASIDE.search(folded))


_CONTINUING = re.compile(
    r"(?:qua|sau)\s+(?:gan\s+|hon\s+)?\S+\s+(?:nam|thang)\s+(?:trien khai\s+|to chuc\s+)?"
    r"(?:thuc hien|trien khai)\s+(?P<kind>chi thi|nghi quyet|ket luan|quyet dinh|ke hoach|"
    r"chuong trinh|de an|quy dinh)"
)


def continuing_kinds(text: str, structure: Structure) -> list[tuple[int, str]]:
    """Openings that narrate implementing X before the demands ('Qua gần 02 năm tổ chức
    thực hiện Chỉ thị, ...'): (position, folded kind) pairs; X gets a document-scope
    ``continues``."""
    folded = fold(text[: structure.opening_end])
    return [(m.start(), m.group("kind")) for m in _CONTINUING.finditer(folded)]
