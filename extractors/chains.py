"""Second-order assertions: the text says cited document A implements/continues B.

``Chương trình hành động số 28-CTr/TU ... của Tỉnh uỷ Bến Tre về việc thực hiện Nghị quyết
...`` => 28-CTr/TU implements that resolution. The gap between A's date/issuer tail and B's
kind word must be a description that ends in an implementing verb (``về việc thực hiện``,
``ban hành Kế hoạch triển khai thực hiện``, ``về tiếp tục thực hiện``), with no list
separator or sentence break. ``ban hành`` alone, ``phê duyệt``, ``quy định chi tiết``,
``hướng dẫn thực hiện`` and ``sửa đổi`` are not chains (seeds README).
"""

from __future__ import annotations

import re

from lexgraph.extractors.text import fold

_CLEAN = re.compile(r"[“”\"*()|’‘]")
_GAP = re.compile(
    r"^[\s,]*(?:(?:ve viec|ve|de|nham|ma)\s+)?"
    r"(?:(?:ban hanh|xay dung)\s+)?"
    r"(?:(?:(?:sua doi|bo sung|cap nhat)[\s,]+)*(?:ke hoach|chuong trinh)"
    r"(?:\s+hanh dong|\s+phoi hop|\s+cong tac)?\s+(?:cua\s+[^,;]{1,60}?\s+)?(?:ve\s+)?)?"
    r"(?:(?P<cont>tiep tuc)\s+)?(?:(?:day manh|phoi hop)\s+)?"
    r"(?:(?:trien khai|to chuc)\s*,?\s*)?(?:thuc hien|trien khai)\s*(?:tot\s+|nghiem\s+)?$"
)

# An unnumbered document named in the gap owns the verb after it: '71/NQ-CP ... của Chính
# phủ và Kế hoạch hành động của Ban Thường vụ Thành ủy Hà Nội về triển khai Nghị quyết số
# 57-NQ/TW' (the Thành ủy's plan implements 57, not 71/NQ-CP); 'về Thực hiện Chương trình
# hành động của Chính phủ ... về thực hiện Nghị quyết số 21-NQ/TW'.
_OTHER_DOCUMENT = re.compile(
    r"(?:^|\s)(?:va|thuc hien|trien khai)\s+(?:cac\s+)?(?:ke hoach|chuong trinh|nghi quyet|"
    r"chi thi|ket luan|quyet dinh)\b"
)


def chain_relation(text: str, gap_start: int, gap_end: int) -> str | None:
    """'implements' / 'continues' when text[gap_start:gap_end] links two mentions."""
    if gap_end <= gap_start or gap_end - gap_start > 250:
        return None
    gap = text[gap_start:gap_end]
    if ";" in gap or re.search(r"\.\s", gap) or "\n\n" in gap:
        return None
    folded = " ".join(_CLEAN.sub(" ", fold(gap)).split())
    match = _GAP.match(folded)
    if not match:
        # An issuer phrase the reader could not bound ('của Ban Chỉ đạo phát triển
        # khoa học, ... về Kế hoạch hành động triển khai thực hiện'): retry after 'về'.
        cut = re.search(r"\bve (?!.*\bve )", folded)
        if cut and _OTHER_DOCUMENT.search(folded, 0, cut.start()):
            return None
        match = _GAP.match(folded[cut.start() :]) if cut else None
        if not match:
            return None
    return "continues" if match.group("cont") else "implements"
