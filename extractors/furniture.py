"""Page furniture: the lines a printed page adds between the words of a sentence.

A gazette page ends with a running header (``CÔNG BÁO/Số 230 + 231/Ngày 10-02-2023``), a
bare page number and, on some pages, a digital-signature stamp (``Ký bởi: ...`` /
``Người ký: ...`` with its ``Cơ quan:``, ``Email:``, ``Ngày ký:`` lines); text extracted
from a PDF may carry form feeds and ``- 12 -`` page numbers. None of it belongs to the text,
yet it falls anywhere, also inside a reference: ``của Bộ\\n\\nCÔNG BÁO/Số 230/Ngày
19-04-2026\\n12\\n\\n\\ntrưởng Bộ Kế hoạch và Đầu tư``.

``reading_text`` returns a copy of the same length in which every block that falls inside a
sentence is blank and keeps one line break (its blank lines would read as a paragraph
break): the readers (number, kind, date, issuer, subject, relation cue) see one wrapped
sentence, and every offset, hence every quote, is still an offset of the original text.
Whether the sentence goes on is read from both sides: the line before ends no clause, and
the next line does not open a new item (a label, a heading, a running title, a footnote
cut at the page foot followed by the body). Other blocks are left as they are.
"""

from __future__ import annotations

import re

from lexgraph.extractors.numbers import NUMBER_RE

# Lines that only a page produces. A bare number is a page number only next to one of the
# others (a year or a count can stand alone on a wrapped line: 'năm\n2025').
_GAZETTE_LINE = re.compile(
    r"[ \t]*(?:\d{1,3}[ \t]+)?CÔNG BÁO[ \t]*/[ \t]*Số[^\n]{0,40}?Ngày[ \t]*[\d./-]+(?:[ \t]+\d{1,3})?[ \t]*$"
)
_STAMP_HEAD = re.compile(r"[ \t]*(?:Ký bởi|Người ký)[ \t]*:")
_STAMP_LINE = re.compile(r"[ \t]*(?:Email|Cơ quan|Ngày ký|Thời gian ký)[ \t]*:")
# Page numbers have at most three digits (a year on its own line has four).
_PAGE_NUMBER = re.compile(
    r"[ \t\f]*(?:\d{1,3}|[-–][ \t]*\d{1,3}[ \t]*[-–]|Trang[ \t]+\d{1,3})[ \t\f]*$"
)
_DASHED_NUMBER = re.compile(r"[ \t\f]*(?:[-–][ \t]*\d{1,3}[ \t]*[-–]|Trang[ \t]+\d{1,3})[ \t\f]*$")
# A line after this many page headers is a running title.
_RUNNING = 3
# Where a block may start: a line holding one of the marks above, or a form feed.
_ANCHOR = re.compile(
    r"CÔNG BÁO[ \t]*/|Ký bởi|Người ký|\f|\n[ \t]*(?:[-–][ \t]*\d{1,3}[ \t]*[-–]|Trang[ \t]+\d)"
)
# The line before a block ends a clause: the block there is a paragraph break.
_CLAUSE_END = re.compile(r"[.;:!?][\s*|”\"’)\]]*$")


def _line_at(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _furniture_line(line: str) -> bool:
    """A line of a block around an anchor: blank, a header, a stamp line or a page number."""
    if not line.strip(" \t\f"):
        return True
    if _GAZETTE_LINE.match(line) or _STAMP_HEAD.match(line) or _STAMP_LINE.match(line):
        return True
    return bool(_PAGE_NUMBER.match(line))


def _is_anchor_line(line: str) -> bool:
    return bool(
        "\f" in line
        or _GAZETTE_LINE.match(line)
        or _STAMP_HEAD.match(line)
        or _DASHED_NUMBER.match(line)
    )


_MARKS = ("CÔNG BÁO", "Ký bởi", "Người ký", "\f")
# Cheap look-outs first: substring tests and literal-prefix patterns run ~5x faster than
# the anchor alternation, which most texts (without any furniture) then never run.
_DASHED_LINE = re.compile(r"\n[ \t]*[-–][ \t]*\d{1,3}[ \t]*[-–]")
_TRANG_LINE = re.compile(r"\nTrang[ \t]+\d")


def _may_have_furniture(text: str) -> bool:
    return bool(
        any(mark in text for mark in _MARKS)
        or _DASHED_LINE.search(text)
        or _TRANG_LINE.search(text)
    )


def furniture_blocks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each furniture block: from the newline ending the last text line
    before it to the start of the first text line after it (whole lines, blank ones included)."""
    if not _may_have_furniture(text):
        return []
    blocks: list[tuple[int, int]] = []
    for anchor in _ANCHOR.finditer(text):
        if blocks and anchor.start() < blocks[-1][1]:
            continue
        at = anchor.start() + (text[anchor.start()] == "\n")
        start, end = _line_at(text, at)
        if not _is_anchor_line(text[start:end]):
            continue
        # Forward over furniture lines, then back over the same (a page number above the header).
        while end < len(text):
            nxt_end = text.find("\n", end + 1)
            nxt_end = len(text) if nxt_end < 0 else nxt_end
            if not _furniture_line(text[end + 1 : nxt_end]):
                break
            end = nxt_end
        while start > 0:
            prev_start = text.rfind("\n", 0, start - 1) + 1
            if not _furniture_line(text[prev_start : start - 1]):
                break
            start = prev_start
        lo = max(start - 1, 0)  # the newline ending the previous text line
        hi = min(end + 1, len(text))  # the first character of the next text line
        if blocks and lo <= blocks[-1][1]:
            lo = blocks.pop()[0]
        blocks.append((lo, hi))
    return blocks


def _next_line(text: str, pos: int) -> tuple[str, int]:
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return text[pos:end], end


def running_lines(text: str, blocks: list[tuple[int, int]]) -> set[str]:
    """Lines that follow the page header on several pages: a running title (the gazette
    section, 'Danh mục VBQPPL còn hiệu lực') or a repeated table head ('TT'). The text after
    a block that starts with one does not go on with the sentence before it."""
    if len(blocks) < _RUNNING:
        return set()
    counts: dict[str, int] = {}
    for _lo, hi in blocks:
        line = _next_line(text, hi)[0].strip()
        counts[line] = counts.get(line, 0) + 1
    return {line for line, n in counts.items() if n >= _RUNNING and line}


# A label opening a line after a page break starts a new item ('Cột 2:', 'Mẫu số 01', 'Điều 5.').
_LABEL = re.compile(r"\w+(?:[ \t]+\w+)?[ \t]+\d+[a-z]?[ \t]*[:.]|\w+[ \t]+số[ \t]+\d")
_LAST_WORD = re.compile(r"(\w+)[^\w\n]*$")
# Words a number follows: a page break after one of them falls inside the reference.
_TAKES_NUMBER = {"số", "ngày", "tháng", "năm", "khoản", "điều", "điểm", "mục", "chương"}
_LIST_ITEM = re.compile(r"\d+[.)]\s")


# Characters of each line around a block that _splits_number reads (a number is shorter).
_NUMBER_REACH = 80


def _splits_number(last_line: str, first: str) -> bool:
    """Whether a document number runs from the line before the block into the line after it
    ('... Nghị định số 131/2021/NĐ-' / 'CP và khoản 2 ...'): the number grammar itself
    (numbers.NUMBER_RE) reads the two lines joined by a plain line break, and one number
    crosses the join. Upper-case 'CP' alone would read as a heading."""
    tail = last_line[-_NUMBER_REACH:]
    joined = tail + "\n" + first[:_NUMBER_REACH]
    cut = len(tail)
    return any(m.start() < cut < m.end() for m in NUMBER_RE.finditer(joined))


def _continues(before: str, after: str) -> bool:
    """Whether the text after a block goes on with the sentence before it: the line before
    ends no clause and the next line starts in lower case ('...của Bộ' / 'trưởng Bộ Công an')
    or, after a capitalised word, goes on with a capitalised one ('...của Bộ' / 'Kế hoạch và
    Đầu tư'), or the block cuts a document number ('131/2021/NĐ-' / 'CP'). A label, an
    upper-case heading or a footnote's end is no continuation."""
    last_line = before[before.rfind("\n") + 1 :]
    if not last_line.strip() or _CLAUSE_END.search(last_line):
        return False
    first = after[: after.find("\n")] if "\n" in after else after
    if _splits_number(last_line, first):
        return True
    head = first.lstrip(" \t*|")
    last = _LAST_WORD.search(last_line)
    if head[:1].isdigit():  # 'Nghị định số' / '143/2016/NĐ-CP', 'năm' / '2023 của Bộ'
        return bool(last and last.group(1).lower() in _TAKES_NUMBER and not _LIST_ITEM.match(head))
    if not head or not head[0].isalpha():
        return False
    if head[0].islower():
        return True
    word = head.split(None, 1)[0]
    return bool(
        last
        and last.group(1)[0].isupper()
        and len(word) > 1
        and not word.isupper()
        and not _LABEL.match(head)
    )


def reading_text(text: str) -> str:
    """Same-length copy of ``text`` in which each furniture block inside a sentence is blank
    and holds one line break (a wrapped line); other blocks are left as they are, so that the
    readers stop at them as before."""
    parts: list[str] = []
    done = 0
    blocks = furniture_blocks(text)
    running = running_lines(text, blocks)
    for lo, hi in blocks:
        if lo == 0 or hi >= len(text):
            continue
        if running and _next_line(text, hi)[0].strip() in running:
            continue
        if not _continues(text[max(0, lo - 300) : lo], text[hi : hi + 120]):
            continue
        parts.append(text[done:lo])
        parts.append(" " * (hi - lo - 1) + "\n")
        done = hi
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)
