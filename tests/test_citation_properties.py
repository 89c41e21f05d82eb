"""Property: extraction never raises on arbitrary text and every quote is the text at its offsets."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexgraph.extractors.citations import find_citations
from lexgraph.model import DocumentInfo

PIECES = st.sampled_from(
    [
        "Căn cứ ",
        "Thực hiện ",
        "Quyết định số ",
        "Nghị quyết số ",
        "25-NQ/TW",
        "33/CT -TTg",
        " ngày 26/11/2021",
        " ngày 11 tháng 9 năm 2013",
        " của Tỉnh uỷ Bến Tre",
        " và ",
        "; ",
        ".\n",
        "\n\n",
        "I. ",
        "1. ",
        "a) ",
        "¹",
        "Luật Đất đai năm 2013",
        "Hiến pháp",
        "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng (khoá XI)",
        "về việc thực hiện ",
        "Trên đây là ",
        "Xét ",
        "**",
        "|",
        "66.7/2025/NQ-",
        "CP",
        "2.269/6.974",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_never_raises_and_quotes_match(text: str) -> None:
    result = find_citations(text, DocumentInfo(province="Bến Tre", level="province"))
    keys = {c.key for c in result.citations}
    for c in result.citations:
        assert 0 <= c.start <= c.end <= len(text)
        assert c.quote == text[c.start : c.end]
    for a in result.assertions:
        assert a.quote == text[a.start : a.end]
        assert a.subject in keys and a.object in keys
