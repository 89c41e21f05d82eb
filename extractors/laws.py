"""Laws, codes and the constitution cited by name (``Luật Tiếp công dân năm 2013``).

A name runs from ``Luật``/``Bộ luật``/``Hiến pháp`` while words belong to it; it ends at
a year phrase (``năm 2013``, ``ngày 19 tháng 6 năm 2015``), a clause word (``về``,
``của``, ``đã`` ...), punctuation, or ``số`` (then the number finder owns the mention).
``Luật sửa đổi, bổ sung (một số điều của) Luật X`` keeps its comma. Draft laws
(``(sửa đổi)``, ``dự thảo``) and the generic ``Hiến pháp, pháp luật`` are not citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lexgraph.extractors.numbers import NUMBER_RE, canonical_number
from lexgraph.extractors.text import PAGE_WALL, fold, new_tone_marks, view

# The first letter comes before the look-behind so that the engine skips to B/L/H fast.
_ANCHOR = re.compile(r"[BLH](?<!\w[BLH])(?:ộ luật|Ộ LUẬT|uật|UẬT|iến pháp|IẾN PHÁP)(?!\w)")
# Name words are letters: a digit ends the name ('Luật Hải quan 54', a footnote marker
# glued to the last word as in 'Luật Bảo hiểm y tế1').
_WORD = re.compile(r"\s*([^\W\d_]+|&)", re.UNICODE)
_STOP = set(
    [
        "nam",
        "ngay",
        "so",
        "ve",
        "cua",
        "da",
        "duoc",
        "dang",
        "tai",
        "thi",
        "theo",
        "nay",
        "de",
        "cho",
        "voi",
        "trong",
        "khi",
        "nhu",
        "doi",
        "sua",
        "moi",
        "hoac",
        "cac",
        "la",
        "co",
    ]
)
_NOT_NAME = set(
    [
        "luat",
        "bo",
        "hien",
        "nghi",
        "quyet",
        "chi",
        "ke",
        "ket",
        "huong",
        "thong",
        "cong",
        "de",
        "to",
        "phap",
        "chuong",
    ]
)
_YEAR = re.compile(
    r"^\s*(?:\(\s*)?(?:nam\s+(\d{4})|ngay\s+\d{1,2}\s*(?:/|-|thang)\s*\d{1,2}\s*(?:/|-|,?\s*nam)\s*(\d{4}))"
)
_AMEND = re.compile(r"^\s*sua doi\s*,?\s*bo sung\s*(?:mot so dieu\s*(?:cua\s*)?)?", re.I)


@dataclass
class LawMention:
    kind: str  # 'Luật', 'Bộ luật', 'Hiến pháp'
    name: str  # 'Luật Tiếp công dân'
    year: int | None
    start: int
    end: int  # end of name + year phrase
    numbered: bool  # followed by 'số <number>': the number finder reports it
    number: str | None = None  # that number; on a name-only mention, the one its name has
    name_end: int = 0  # end of the name: a date or year phrase may follow


_NEXT_LAW = re.compile(r"\s*(?:,|va)\s*luat\s")
_COMMA = re.compile(r"\s*,\s*")
_KIND_WORDS = {"nghi dinh", "nghi quyet", "quyet dinh", "thong tu", "chi thi", "ke hoach"}


def _read_name(
    window: str, folded: str, name_end: int, kind: str, lower_first: bool = False
) -> tuple[int, int]:
    """End of the law's name words from ``name_end`` and how many words it has."""
    n_words = 0
    first = True
    prev_low = ""
    upper_name = False
    before_and = -1  # the end before a trailing 'và' that no name word followed
    while True:
        match = _WORD.match(window, name_end)
        if match is None and not first and n_words <= 10:
            # 'Luật Quản lý, sử dụng tài sản công', 'Luật An toàn, vệ sinh lao động':
            # coordinated verbs inside a short name continue after the comma.
            comma = _COMMA.match(window, name_end)
            nxt = _WORD.match(window, comma.end()) if comma else None
            if nxt and nxt.group(1)[:1].islower() and nxt.start() == comma.end():
                low = folded[nxt.start(1) : nxt.end(1)]
                two = _WORD.match(window, nxt.end())
                low2 = f"{low} {folded[two.start(1) : two.end(1)]}" if two else low
                if low in _COORDINATED or low2 in _COORDINATED:
                    match = nxt
        if match is None:
            break
        token = match.group(1)
        low = folded[match.start(1) : match.end(1)]
        if first and kind != "Hiến pháp" and not token[:1].isupper() and not lower_first:
            break
        pair = _WORD.match(window, match.end())
        low_pair = f"{low} {folded[pair.start(1) : pair.end(1)]}" if pair else low
        if (first or token[:1].isupper()) and low_pair in _KIND_WORDS:
            break  # 'Luật | Nghị định | Quyết định': a table header, not a name
        if first:
            upper_name = token.isupper() and len(token) > 1
            if low == "va" or (
                low in _STRUCTURE and re.match(r"\s*(?:\d|[IVX]+\b)", window[match.end() :])
            ):
                break  # 'LUẬT | Điều 15', 'LUẬT VÀ TỔ CHỨC': a heading, not a name
        elif _ends_name(token, low, low_pair, prev_low, pair, upper_name):
            break
        if low == "va" and not first:
            nxt = _WORD.match(window, match.end())
            nxt_low = fold(nxt.group(1)) if nxt else ""
            if nxt and nxt.group(1)[:1].isupper() and nxt_low not in _NOT_NAME:
                before_and, name_end = name_end, match.end()
                continue
            two = _WORD.match(window, nxt.end()) if nxt else None
            nxt_pair = f"{nxt_low} {fold(two.group(1))}" if two else nxt_low
            if nxt and (nxt_low in _AND_COORDINATED or nxt_pair in _AND_COORDINATED):
                before_and, name_end = name_end, match.end()  # 'Luật Phí và lệ phí'
                continue
            break
        if _stops(token, low, prev_low) and low_pair not in _STOP_INSIDE:
            break
        before_and = -1
        if window[match.end() : match.end() + 1].isdigit():
            # 'Luật Bảo hiểm y tế1': a footnote marker ends the name after this word;
            # 'CG1' (a code in a table) is no name word at all.
            if not (token.isupper() and len(token) > 1) or first:
                name_end = match.end()
                n_words += 1
            break
        prev_low = low
        if kind == "Hiến pháp" and first:
            break
        first = False
        name_end = match.end()
        n_words += 1
        if n_words > 14:
            break
    if before_and >= 0:
        name_end = before_and
    return name_end, n_words


# Folding merges stop words with name words ('về'/'vệ' in 'vệ sinh', 'tại'/'tài' in 'tài
# sản', 'mới'/'môi' in 'môi trường', 'số'/'sở', 'có'/'cơ', 'năm'/'Nam'): these stop only in
# their own spelling.
_STOP_SPELLED = {
    "ve": ("về",), "tai": ("tại",), "so": ("số",), "moi": ("mới", "mọi"),
    "co": ("có",),  # 'Luật Thực hiện dân chủ ở cơ sở'
    "nam": ("năm",),  # 'Luật Quốc tịch Việt Nam'
    "thi": ("thì",),  # 'Luật Thi hành án dân sự'
    "da": ("đã",), "dang": ("đang",), "de": ("để",),  # 'Luật Đa dạng sinh học', 'Luật Đê điều'
    "nhu": ("như",),
    "khi": ("khi",),  # 'Luật Dầu khí', 'vũ khí'
    "doi": ("đối",),  # 'đổi mới sáng tạo'
    "la": ("là",),  # 'thuốc lá'
}  # fmt: skip
# Second members of the coordinations law titles use ('Luật Phòng, chống tham nhũng',
# 'Luật Quản lý, sử dụng tài sản công', 'Luật Khám bệnh, chữa bệnh'); any other word after
# a comma ends the name ('Luật Đất đai, trường hợp ...').
_COORDINATED = {
    "chong", "su dung", "ve sinh", "chua benh", "nhap canh", "the thao", "pha san",
    "nhap khau", "xuat khau", "khai thac", "bao ve", "cuu nan", "cuu ho", "lang phi",
    "cong chuc", "khen thuong", "ton giao", "giao duc", "an toan", "moi truong", "xuat canh",
    "qua canh", "cu tru", "cong nghe", "chua chay", "vat lieu", "cham soc", "bia", "trat tu",
}  # fmt: skip


# Second members of 'và' in law titles ('Luật Phí và lệ phí', 'Luật Địa chất và khoáng
# sản', 'Luật Hôn nhân và gia đình', 'Luật Hỗ trợ doanh nghiệp nhỏ và vừa', 'Luật Bầu cử
# đại biểu Quốc hội và đại biểu Hội đồng nhân dân'); any other lower-case word after 'và'
# ends the name ('Luật Đất đai và các văn bản ...', 'Luật Đầu tư và quy định ...').
_AND_COORDINATED = {
    "le phi", "khoang san", "kiem dich", "quy chuan", "ban do", "chua chay", "an ninh",
    "gia dinh", "cong nghe", "vua", "dai bieu", "phat trien", "hai dao", "nong thon",
    "doi moi", "cuu nan", "cong cu", "giao duc",
}  # fmt: skip
# Words that never continue a law's name after its first word: verbs and connectives of
# the sentence around it ('Luật Hải quan lập hồ sơ', 'Luật Giá kể từ', 'Luật Hợp tác xã
# không hưởng'). Matched in their own spelling (folding merges 'bị' with 'bí', 'do' with
# 'đó'/'độ', 'gồm' with 'gom'); pairs are matched folded.
_VERB_SPELLED = {
    "phải", "gồm", "mà", "nhưng", "nếu", "bị", "bằng", "trước", "từ", "trừ", "thuộc", "do",
    "nộp", "gửi", "chịu", "đến", "kèm", "không", "lập", "hoặc", "hướng", "thì", "sau",
    "gọi", "ước", "làm", "đóng", "trên", "nên",
}  # fmt: skip
_VERB_PAIRS = {
    "thuc hien", "quy dinh", "ap dung", "dong thoi", "cu the", "tuong ung", "xem xet",
    "du kien", "lua chon", "bao gom", "hien hanh", "ke tu", "bao cao", "cong nhan",
    "huong dan", "dam bao", "bao dam", "can cu", "quyet dinh", "cong bo", "ban hanh",
    "hoat dong", "tham gia", "phu hop",
}  # fmt: skip
# ... except inside the names that hold them ('Luật Kiểm toán độc lập', 'Luật Quản lý
# phương tiện bay không người lái', 'Luật Điều ước quốc tế').
_VERB_AFTER = {
    "lập": ("doc", "thanh"), "không": ("bay", "hang"), "gửi": ("tien",), "phải": ("mac",),
    "ước": ("dieu",), "làm": ("viec", "di"), "tham gia": ("luong",),
}  # fmt: skip
# Structure words that a capital does not make part of a name ('Luật Quản lý thuế và
# Điều 14 Thông tư', 'Luật Bảo vệ môi trường Điểm a Khoản 7').
_STRUCTURE = {"dieu", "khoan", "diem", "muc", "chuong", "phu luc", "bo", "va"}
# Stop words that open part of a title: 'Luật Đầu tư theo phương thức đối tác công tư'
# (the PPP law; cut at 'theo', it took the Investment Law's key).
_STOP_INSIDE = {"theo phuong", "doi tac"}
# 'Luật Phòng, chống tác hại của thuốc lá', 'Luật Xuất cảnh, nhập cảnh của công dân Việt
# Nam': 'của' inside the titles that hold it.
_OF_INSIDE = {"hai", "canh", "tru"}


def _ends_name(
    token: str,
    low: str,
    low_pair: str,
    prev_low: str,
    nxt: re.Match[str] | None,
    upper_name: bool,
) -> bool:
    """Whether a word after the first ends the name (see the tables above)."""
    word = token.lower()
    if word in _VERB_SPELLED and prev_low not in _VERB_AFTER.get(word, ()):
        return True
    if (
        low_pair in _VERB_PAIRS
        and not token[:1].isupper()
        and prev_low not in _VERB_AFTER.get(low_pair, ())
    ):
        return True
    if upper_name and not token.isupper():
        return True  # 'LUẬT VIỆC LÀM ... Thực hiện': the upper-case title has ended
    if token[:1].isupper() and (low in _STRUCTURE or low_pair in _STRUCTURE):
        return True
    # Two upper-case words in a title-case name: page furniture ('CÔNG BÁO') or a heading.
    return (
        not upper_name
        and len(token) > 1
        and token.isupper()
        and nxt is not None
        and nxt.group(1).isupper()
        and len(nxt.group(1)) > 1
    )


def _stops(token: str, low: str, prev_low: str) -> bool:
    """A word that ends a law's name ('về', 'năm', 'số', 'của', 'cùng' ...)."""
    word = token.lower()
    if word == "cùng":
        return True
    if low == "ve" and prev_low == "bao":
        return False  # 'Bảo vệ'
    if low == "cua" and prev_low in _OF_INSIDE:
        return False
    if low == "moi" and prev_low == "doi":
        return False  # 'đổi mới sáng tạo'
    if low in _STOP_SPELLED:
        return word in _STOP_SPELLED[low]
    return low in _STOP


_BREAK = re.compile(r"[ \t]*\n\s*")
# A list label opening the next line ('V. Không quy định ...', 'b) Doanh nghiệp ...').
_LABEL = re.compile(r"(?:[IVX]{1,5}|[a-zđ]|\d{1,3})\s*[.)]\s")
# A table cell: a short line without sentence punctuation ('Vi phạm', 'Loại hình vi phạm').
_CELL = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}[ \t]*\n(?:\s*\n|[ \t]*[A-ZĐ\u00c0-\u1ef8])")


def _line_end_cut(window: str, name_from: int) -> int | None:
    """Where a name may not cross a line break. Hard wraps fall anywhere (the corpus keeps
    them: 'Căn cứ Luật Tổ chức' / 'Chính phủ ngày ...'), so a break alone ends nothing;
    the name ends before a capitalised word after a blank line, before a list label, and
    before a run of table cells ('quy định của Luật Chứng khoán' / 'Vi phạm' / 'Loại hình
    vi phạm')."""
    for brk in _BREAK.finditer(window):
        before = window[name_from : brk.start()]
        if not before.strip() or before.isupper():
            continue  # the name starts on the next line, or an upper-case title goes on
        nxt = window[brk.end() :]
        if not nxt[:1].isupper():
            continue  # lower case goes on with the name; anything else ends it anyway
        if brk.group(0).count("\n") > 1 or _LABEL.match(nxt) or _CELL.match(nxt):
            return brk.start()
    return None


def find_laws(text: str) -> list[LawMention]:
    out: list[LawMention] = []
    ft = view(text)
    for anchor in _ANCHOR.finditer(text):
        start = anchor.start()
        if out and start < out[-1].end:
            continue
        word = anchor.group(0)
        if ft.window(start - 5, start).rstrip().endswith("phap"):
            continue  # 'pháp luật' (law in general), e.g. in upper-case titles
        kind = {"bộ luật": "Bộ luật", "luật": "Luật", "hiến pháp": "Hiến pháp"}[word.lower()]
        pos = anchor.end()
        window = text[pos : pos + 200]
        folded = ft.window(pos, pos + 200)
        name_end = 0
        amend = _AMEND.match(folded) if kind == "Luật" else None
        if amend:  # an amending law's name lists the laws it amends: read further
            window = text[pos : pos + 800]
            folded = ft.window(pos, pos + 800)
            rest = folded[amend.end() :]
            if not rest.startswith("luat"):
                continue
            name_end = amend.end() + 4
        wall = PAGE_WALL.search(window)
        if wall:
            window, folded = window[: wall.start()], folded[: wall.start()]
        cut = _line_end_cut(window, name_end)
        if cut is not None:
            window, folded = window[:cut], folded[:cut]
        name_end, n_words = _read_name(window, folded, name_end, kind)
        while amend and n_words:
            # 'Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, ... và
            # Luật X': the amended laws are part of the amending law's name.
            more = _NEXT_LAW.match(folded, name_end)
            if not more:
                break
            end2, n2 = _read_name(window, folded, more.end(), kind, lower_first=True)
            if not n2:
                break
            name_end, n_words = end2, n_words + n2
        if kind != "Hiến pháp" and n_words == 0:
            continue
        tail = folded[name_end:]
        if re.match(r"^\s*\((?:sua doi|du thao)", tail) or re.match(r"^\s*,\s*phap luat", tail):
            continue
        year_match = _YEAR.match(tail)
        year = None
        end = pos + name_end
        if year_match:
            year = int(year_match.group(1) or year_match.group(2))
            end = pos + name_end + year_match.end()
        numbered_by = re.match(r"^\s*(?:\(\s*)?so\b\s*", tail)
        number = None
        if numbered_by:
            found = NUMBER_RE.match(text, pos + name_end + numbered_by.end())
            number = canonical_number(found.group(0)) if found else None
        name = new_tone_marks(" ".join(text[start : pos + name_end].split()))
        if name.isupper():
            name = name.capitalize()
        out.append(
            LawMention(kind, name, year, start, end, bool(numbered_by), number, pos + name_end)
        )
    # A law named with its year at one mention and without it at another is the same law;
    # one cited by number at one mention is that numbered law at the others too.
    # A name-only mention keeps its place (its own relation: 'Căn cứ Luật Đấu thầu ngày
    # ...;' is based_on even when the body cites 'Luật Đấu thầu số 22/2023/QH15' elsewhere)
    # and takes that number, so both resolve to one document. A name numbered twice
    # differently (an old and a new law of one name) stays a law by name.
    years: dict[str, int] = {}
    numbers: dict[str, set[str]] = {}  # by name in lower case ('Luật đấu thầu số ...')
    for law in out:
        if law.year:
            years.setdefault(law.name, law.year)
        if law.numbered:
            numbers.setdefault(law.name.lower(), set()).add(law.number or "")
    for law in out:
        if law.year is None and law.name in years:
            law.year = years[law.name]
        known = numbers.get(law.name.lower())
        if not law.numbered and known:
            if len(known) == 1 and "" not in known:
                law.number = next(iter(known))
            else:
                law.numbered = True  # ambiguous: left to the numbered mentions, as before
    return out
