"""The header of a Vietnamese administrative document: issuer lines, number, place and date,
kind line and title (Nghị định 30/2020/NĐ-CP, Phụ lục I, fixes this layout).

Real headers arrive flattened from two-column tables: the issuer and the national motto
interleaved, table pipes, markdown, hard wraps inside any field, a news summary before the
document. The parser therefore works on a cleaned copy of a bounded window (a few KB), line by
line, and never on the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lexgraph.extractors.places import _DETONE, detone, province_info
from lexgraph.extractors.signature import ON_BEHALF_WORDS
from lexgraph.extractors.text import loose, new_tone_marks, variants

WINDOW = 9000  # characters of header window examined after the anchor

# National motto / Party motto, matched on detone()d text (tone-placement insensitive).
_MOTTO_SRC = (
    r"công\s+hoa\s+xa\s+hôi(?:\s+chu\s+nghia\s+viêt\s+nam)?"
    r"|đôc\s+lâp\s*[-–]\s*tư\s+do\s*[-–]\s*hanh\s+phuc"
    r"|đang\s+công\s+san\s+viêt\s+nam"
    r"|chu\s+nghia\s+viêt\s+nam"
)
_MOTTO = re.compile(_MOTTO_SRC)
# The same pattern for the original text (no detone pass over the first 40 KB).
_MOTTO_RAW = re.compile(loose(_MOTTO_SRC, variants(_DETONE)))
# Every motto contains one of these (lower case, either tone placement, or unaccented).
_MOTTO_HINTS = (
    "việt nam", "viêt nam", "viet nam", "độc lập", "đôc lâp", "doc lap",
    "cộng hòa", "cộng hoà", "cộng hoa", "cong hoa",
)  # fmt: skip
# The first of them: one search stops at the first hint instead of ten finds that each
# scan the 40 KB probe when their hint is absent (~0.1 ms a document).
_MOTTO_HINT_RE = re.compile("|".join(map(re.escape, _MOTTO_HINTS)))
# Gazette furniture above or around a header: the page line, a page number, the section
# headings ('VĂN BẢN QUY PHẠM PHÁP LUẬT', 'VĂN BẢN PHÁP LUẬT KHÁC') and the heading of a
# consolidated text's authentication block; none of them is part of the issuer.
_GAZETTE = re.compile(
    r"^(?:CÔNG BÁO|\d+)\b.*$|^\d+$"
    r"|^(?:VĂN BẢN (?:QUY PHẠM PHÁP LUẬT|PHÁP LUẬT KHÁC)|XÁC THỰC VĂN BẢN HỢP NHẤT)$"
)
_RULE = re.compile(r"^[-_=*–—.\s]+$")

# Kinds as they appear on the kind line, longest first. Value: the kind as written in gold.
KIND_NAMES = [
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Văn bản hợp nhất",
    "Chương trình hành động",
    "Chương trình phối hợp",
    "Kế hoạch phối hợp",
    "Kế hoạch liên tịch",
    "Quy chế phối hợp",
    "Thông báo kết luận",
    "Kế hoạch",
    "Chỉ thị",
    "Quyết định",
    "Nghị quyết",
    "Nghị định",
    "Thông tư",
    "Công điện",
    "Công văn",
    "Thông báo",
    "Hướng dẫn",
    "Quy định",
    "Quy chế",
    "Chương trình",
    "Kết luận",
    "Đề án",
    "Báo cáo",
    "Tờ trình",
    "Phương án",
    "Pháp lệnh",
    "Hiến pháp",
    "Luật",
    "Lệnh",
    "Điều lệ",
    "Chiến lược",
    "Quy hoạch",
]
_KIND_LINE = re.compile(
    r"^(?P<kind>" + "|".join(re.escape(detone(k)) for k in KIND_NAMES) + r")(?=\s|$|\d)(?!\s*:)"
)
_KIND_BY_FOLD = {detone(k): k for k in KIND_NAMES}

_NUMBER_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:Luật|Pháp lệnh|Nghị quyết)\s+[Ss]ố\s*:|S[ốỐ]\s*(?:[:.]|(?=\s*\d)))[ \t]*\n?[ \t]*"
    r"(?P<raw>[^\n]*)"
)
NUMBER_RE = re.compile(
    r"\d+(?:\.\d+)*[ \t]*(?:/[ \t]*\d{4}[ \t]*)?[/-][ \t]*[A-Za-zĐđ][\wĐđ&]*"
    r"(?:[ \t]*[-/][ \t]*[\wĐđ&]+)*"
)
# The rest of a number's symbol on the next line: upper-case codes only.
_WRAPPED_SYMBOL = re.compile(
    r"\n[ \t]*([A-ZĐ][A-ZĐ0-9]*(?:[-/][A-ZĐ][A-ZĐ0-9]*)*)(?=[ \t]*(?:\n|$))"
)
# '...gày 20 tháng 0 7 năm 2018' (after the N or n): a day or month may be blank, or a digit
# pair split by a space in a scanned text.
_DAY_MONTH_YEAR = (
    r"gày\s*(?P<d>\d ?\d|\d)?[\s.…_]*tháng\s*(?P<m>\d ?\d|\d)?[\s.…_]*năm\s*(?P<y>\d{4})"
)
# 'Hà Nội ngày 01 / tháng 12 năm 2025' without its comma: only before a known place name
# (checked by the caller), else a 'Căn cứ Luật ... ngày ...' line would pass for it.
_DATE_BARE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-ZĐÀ-ỸẠ-Ỹ][^,;:/\n\d]{1,30}?)\s+n" + _DAY_MONTH_YEAR
)
_DATE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-ZĐÀ-ỸẠ-Ỹ](?:[^,;:/\n\d]|\n(?![ \t]*\n)){1,45}?)\s*,\s*[Nn]"
    + _DAY_MONTH_YEAR
)
# Table cells flattened into one line: pipes, tabs, wide gaps, rule strokes.
_CELL = re.compile(r"\||\t| {3,}|_{3,}|-{5,}")
_VV = re.compile(r"^(?:V/v|V/V|v/v|Về việc|V\.v)\b")
_VV_INLINE = re.compile(r"(?<=\s)(?:V/v|V/V|v/v)\s*:?\s+(\S.*)$")

# A full line that names the enacting authority (between title and preamble).
_AUTHORITY = re.compile(
    r"^(?:(?:chủ tịch|bộ trưởng|giám đốc|thủ tướng|tổng cục trưởng|cục trưởng|chủ nhiệm)\s+)?"
    r"(?:ủy ban nhân dân|hội đồng nhân dân|thủ tướng chính phủ|chính phủ|quốc hội|"
    r"ủy ban thường vụ quốc hội|ban chấp hành trung ương|bộ chính trị|ban bí thư|"
    r"ban thường vụ|bộ\s+[\w ,\-–]+|sở\s+[\w ,\-–]+)"
    r"(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)(?:\s+[\w .\-–]*)?)?"
    r"(?:\s*(?:khóa|kỳ họp)\b.*)?$"
)
_CONNECTOR_END = re.compile(
    r"(?:\b(?:của|và|về|cho|tại|trong|đối với|với|theo|thực hiện|các|số|ngày|năm|đến|giai đoạn|"
    r"trên|do|để|từ|thuộc|lần thứ|khóa|khoá)|[,;\-–])$",
    re.IGNORECASE,
)
_BODY_CUE = re.compile(
    r"^(?:Căn cứ|Thực hiện|Triển khai|Xét|Theo|Kính gửi|Để|Nhằm|Trong|Ngày \d|Qua|Sau|"
    r"Trên cơ sở|Tiếp tục|[IVX]+[.\-]|\d+\.(?!\d)|[a-zđ]\)|Điều \d|Chương|Phần|QUYẾT ĐỊNH:)"
)


@dataclass
class Header:
    """What the header window yields; raw strings, normalised by ``metadata``."""

    issuer_lines: list[str] = field(default_factory=list)
    number_raw: str | None = None  # None: no 'Số' line; '' : blank number
    number_line: bool = False
    place: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    kind: str | None = None
    title_lines: list[str] = field(default_factory=list)
    title_upper: bool = False
    end: int = 0  # offset (in the original text) just after the title
    kind_offset: int = -1  # offset of the kind line in the cleaned window
    subject_line: bool = False  # a 'V/v ...' line: the layout of a Công văn
    banner_organ: str | None = None  # 'VĂN BẢN HỢP NHẤT - BỘ Y TẾ': the consolidating organ


def norm_tone(text: str) -> str:
    """Lower case with the new tone placement (``Uỷ`` -> ``ủy``, ``khoá`` -> ``khóa``)."""
    return new_tone_marks(text.lower())


def clean_line(line: str) -> str:
    if "*" in line or "#" in line:
        line = line.replace("*", "").replace("#", "")
    return " ".join(line.split())


def is_upper(text: str) -> bool:
    letters = list(filter(str.isalpha, text))  # C-level filter: ~3x faster than a loop
    if not letters:
        return False
    return sum(map(str.isupper, letters)) >= 0.85 * len(letters)


def _find_anchor(text: str) -> int:
    """Start of the header: the issuer lines just above the national motto, if any."""
    probe = text[:40000]
    # Cheap literal hints first: most texts without a motto are never scanned by the regex.
    low = probe.lower()
    hint = _MOTTO_HINT_RE.search(low)
    if not hint:
        return 0
    m = _MOTTO_RAW.search(probe, max(0, hint.start() - 300))
    # A motto inside a sentence ('Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt
    # Nam;') is not the header's: only upper case, rules or pipes may precede it on its line.
    while m and any(c.islower() for c in probe[probe.rfind("\n", 0, m.start()) + 1 : m.start()]):
        m = _MOTTO_RAW.search(probe, m.end())
    if not m:
        return 0
    # Walk back over header-like lines (upper case, rules, pipes) to the issuer's first line.
    start = probe.rfind("\n", 0, m.start()) + 1
    pos = start
    for _ in range(10):
        if pos <= 0:
            break
        prev = probe.rfind("\n", 0, pos - 1) + 1
        line = clean_line(probe[prev : pos - 1].replace("|", " "))
        header_like = (
            is_upper(line) or _RULE.match(line) or line.startswith(("Số", "SỐ"))
            or _NUMBER_LINE.match(line)  # 'Nghị quyết số: 78/2025/UBTVQH15'
        )  # fmt: skip
        if line and not header_like or len(line) > 120:
            break
        pos = prev
    return pos


def parse_header(text: str, anchor: bool = True) -> Header:
    """Parse the header window; ``anchor=False`` parses ``text`` from its first line (used
    for the authentication block at the end of a consolidated text)."""
    start = _find_anchor(text) if anchor else 0
    if not anchor:  # keep only the last paragraph before the 'Số' line
        number = _NUMBER_LINE.search(text)
        if number:
            cut = text.rfind("\n\n", 0, number.start())
            start = cut + 2 if cut >= 0 else 0
            before = text.rfind("\n\n", 0, max(cut, 0))
            organ = text[before + 2 : max(cut, 0)].strip() if cut > 0 else ""
            if organ and len(organ) < 80 and is_upper(organ):
                start = before + 2  # 'VĂN PHÒNG QUỐC HỘI' / blank line / 'Số: ...'
    window = text[start : start + WINDOW]
    header = Header()
    # Line records: (cleaned line, offset of its end in ``text``).
    lines: list[tuple[str, int]] = []
    offset = start
    for raw in window.split("\n"):
        offset += len(raw) + 1
        if "|" in raw or "\t" in raw or "   " in raw or "___" in raw or "-----" in raw:
            for cell in _CELL.split(raw):
                lines.append((clean_line(cell), offset))
        else:
            lines.append((clean_line(raw), offset))
    cleaned = "\n".join(line for line, _ in lines)

    number_m = _NUMBER_LINE.search(cleaned[:4000])
    date_m = _DATE.search(cleaned[:4000])
    if date_m is None:
        bare = _DATE_BARE.search(cleaned[:4000])
        if bare and province_info(clean_line(bare.group("place"))):
            date_m = bare
    kind_from = 0
    if number_m:
        header.number_line = True
        raw, kind_from = number_m.group("raw"), number_m.end()
        if raw.rstrip().endswith(("-", "/")):  # 'Số: 3783/QĐ-' / 'UBND': the symbol wraps
            wrapped = _WRAPPED_SYMBOL.match(cleaned, kind_from)
            if wrapped:
                raw, kind_from = raw.rstrip() + wrapped.group(1), wrapped.end()
        nm = NUMBER_RE.match(raw)
        header.number_raw = nm.group(0) if nm else ""
    if date_m and (not number_m or date_m.start() < number_m.end() + 1500):
        header.place = clean_line(date_m.group("place"))
        # 'tháng 0 7': a digit pair split by a space in a scanned text
        header.day = int(date_m.group("d").replace(" ", "")) if date_m.group("d") else None
        header.month = int(date_m.group("m").replace(" ", "")) if date_m.group("m") else None
        header.year = int(date_m.group("y"))
        if not number_m:
            kind_from = date_m.end()
    else:
        date_m = None
    first_field = min(
        [m.start() for m in (number_m, date_m) if m] or [len(cleaned)]
    )  # issuer lines come before the number/date (or interleave with the motto)

    idx = _line_index(lines, kind_from)
    fallback = _line_index(lines, date_m.end()) if date_m else idx
    _parse_kind_title(lines, idx, fallback, header)
    if not header.title_lines and number_m:
        # 'Số: 1414/TCT-CS V/v hỗ trợ người có công ...' (a table row flattened): the
        # letter's subject shares the number's line.
        inline = _VV_INLINE.search(number_m.group("raw"))
        if inline:
            header.title_lines, header.subject_line = [inline.group(1).strip()], True

    # Issuer: the upper-case lines before the first field and the kind line (the motto may
    # interleave or wrap across lines, so it is removed from the joined string).
    limit = min(first_field, header.kind_offset if header.kind_offset >= 0 else len(cleaned))
    parts, acc = [], 0
    no_field = first_field == len(cleaned)
    for line, _ in lines:
        if acc >= limit:
            break
        acc += len(line) + 1
        if _SIGNATURE_LINE.match(line):
            break  # 'KT. CỤC TRƯỞNG': the signature block, after the body
        if (
            line
            and not _RULE.match(line)
            and not _GAZETTE.match(line)
            and is_upper(line)
            and not line.startswith(("Số", "SỐ"))
        ):
            if not parts or parts[-1] != line:  # the gazette's organ heading, then the header's
                parts.append(line)
        elif no_field and line and not _RULE.match(line) and not _MOTTO.search(detone(line)):
            break  # no number or date line: the header, if any, ends at the first body line
    issuer = re.sub(r"\s+", " ", _remove_motto(" ".join(parts))).strip(" -–")
    if header.banner_organ:  # a consolidated text: its organ is the banner's
        header.kind = "Văn bản hợp nhất"
        issuer = header.banner_organ
    if issuer:
        header.issuer_lines = [issuer]
    return header


# A signature block's first line ('KT. CỤC TRƯỞNG'): the dot is required here, so that a
# word starting with Q or TM is never taken for one.
_SIGNATURE_LINE = re.compile(rf"^(?:{ON_BEHALF_WORDS})\s*\.\s*\S")


def _remove_motto(line: str) -> str:
    """``line`` without the motto phrases (``detone`` keeps length, so spans correspond)."""
    out, pos = [], 0
    for m in _MOTTO.finditer(detone(line)):
        out.append(line[pos : m.start()])
        pos = m.end()
    out.append(line[pos:])
    return " ".join(out)


def _line_index(lines: list[tuple[str, int]], offset: int) -> int:
    """Index of the first line starting at or after ``offset`` of the cleaned window."""
    acc = 0
    for i, (line, _) in enumerate(lines):
        if acc >= offset:
            return i
        acc += len(line) + 1
    return len(lines)


# The gazette's section banner above a consolidated text, 'VĂN BẢN HỢP NHẤT - VĂN PHÒNG
# QUỐC HỘI' (the organ sometimes on the next line): its organ is not the title; the kind
# line ('LUẬT', 'QUYẾT ĐỊNH') and the title follow the national motto.
_VBHN_BANNER = re.compile(r"VĂN BẢN HỢP NHẤT\s*-")
# Under the title of a consolidated text, the paragraph naming the consolidated document:
# 'Thông tư số 05/2015/TT-BYT ngày ...', 'Luật Bảo hiểm y tế số 25/2008/QH12 ngày ...'.
_CONSOLIDATED_FROM = re.compile(
    r"(?:Thông tư|Thông tư liên tịch|Nghị định|Quyết định|Luật|Bộ luật|Nghị quyết|"
    r"Pháp lệnh)\b[^\n]{0,80}?(?:\bsố\s+\d|\s\d+/\d{4}/)"
)


def _parse_kind_title(
    lines: list[tuple[str, int]], idx: int, fallback: int, header: Header
) -> None:
    kind_idx = None
    banner_end = -1
    for i in range(idx, min(len(lines), idx + 40)):
        line = lines[i][0]
        if not line or i <= banner_end:
            continue
        banner = _VBHN_BANNER.match(line)
        if banner:  # the gazette's banner, not the kind line
            organ = line[banner.end() :].strip()
            after = lines[i + 1][0] if i + 1 < len(lines) else ""
            if after and is_upper(after) and not _MOTTO.search(detone(after)):
                organ, banner_end = f"{organ} {after}".strip(), i + 1  # the organ wraps
            else:
                banner_end = i
            header.banner_organ = organ or None
            continue
        if " " not in line and i + 1 < len(lines) and is_upper(line):  # 'NGHỊ\nĐỊNH'
            joined = f"{line} {lines[i + 1][0]}"
            m = _KIND_LINE.match(detone(joined))
            if m and m.end() > len(line) and is_upper(joined[: m.end()]):
                header.kind = _KIND_BY_FOLD[m.group("kind")]
                kind_idx = i + 1
                rest = joined[m.end() :].strip(" :-")
                break
        m = _KIND_LINE.match(detone(line))
        if m and is_upper(line[: m.end()]):
            header.kind = _KIND_BY_FOLD[m.group("kind")]
            kind_idx = i
            rest = line[m.end() :].strip(" :-")
            break
        if _VV.match(line):  # Công văn: the subject line 'V/v ...' is its title
            kind_idx = i
            header.subject_line = True
            rest = line
            break
    if kind_idx is None:
        # No kind line (seed 000): an upper-case line right after the number/date is the title.
        for i in range(fallback, min(len(lines), fallback + 6)):
            line = lines[i][0]
            if (
                line
                and is_upper(line)
                and not _RULE.match(line)
                and len(line) > 15
                and not _MOTTO.search(detone(line))  # the motto is never a title
            ):
                kind_idx, rest = i, line
                break
        if kind_idx is None:
            return
    header.kind_offset = sum(len(line) + 1 for line, _ in lines[:kind_idx])
    if rest.isdigit():  # 'NGHỊ ĐỊNH1': a footnote mark on the kind line, not a title
        rest = ""
    title: list[str] = [rest] if rest else []
    end = lines[kind_idx][1]
    i = kind_idx + 1
    blanks = 0
    while i < len(lines) and not title and blanks < 3:  # skip blank lines before the title
        line = lines[i][0]
        if line and not _RULE.match(line):
            if _DATE.match(line) or line.startswith(("Căn cứ", "Kính gửi")):
                break
            title.append(line)
            end = lines[i][1]
        elif not line:
            blanks += 1
        i += 1
    if not title:
        return
    upper = is_upper(title[0])
    # Twelve lines at most, unless the lines are short: a title wrapped in a narrow column
    # (a PDF's text layer) takes many lines of few words.
    while i < len(lines) and (len(title) < 12 or (len(title) < 24 and sum(map(len, title)) < 800)):
        line = lines[i][0]
        if not line or _RULE.match(line) or _DATE.match(line) or line.startswith("Kính gửi"):
            break
        if upper:
            # A line without letters ('2026 - 2031', the term a wrapped title ends with)
            # is neither case: it goes on the title.
            if not is_upper(line) and any(c.isalpha() for c in line):
                break
            if _AUTHORITY.match(norm_tone(line)) and not _CONNECTOR_END.search(title[-1]):
                break
        elif _BODY_CUE.match(line) or (is_upper(line) and len(line) > 3 and not line[0].isdigit()):
            # (A line opening with a digit is a wrapped number, '66.13/2026/NQ-CP', not an
            # upper-case heading.)
            break
        elif _CONSOLIDATED_FROM.match(line) and (
            header.banner_organ or not _CONNECTOR_END.search(title[-1])
        ):
            # 'Thông tư số 35/2013/TT-BLĐTBXH ngày ...' after a complete title line: the
            # consolidated text's paragraph on what it consolidates, not the title.
            break
        title.append(line)
        end = lines[i][1]
        i += 1
    header.title_lines = title
    header.title_upper = upper
    header.end = end
