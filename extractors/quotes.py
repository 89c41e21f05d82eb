"""The evidence quote of a mention: the clause around it, cut at word boundaries."""

from __future__ import annotations

import re
from bisect import bisect_right

from lexgraph.extractors.mentions import Mention
from lexgraph.extractors.relations import Structure, sentence_start

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


def quote_span(text: str, para: int, m: Mention, structure: Structure) -> tuple[int, int]:
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
