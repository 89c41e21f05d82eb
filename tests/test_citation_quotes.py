"""Evidence quotes: the clause or title that gives the evidence, cut at word boundaries.

A title mention's quote is the title (from its kind line or first line), never the header
above it (national motto, 'Số:' line, place-date line, rules); every quote starts and ends
at a word boundary and never reaches into the national motto.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from lexgraph.extractors.pipeline import extract_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do")

# file -> (first words of the title quote, the cited number in the title)
TITLES = {
    EXAMPLES / "hau-giang-kh-120-2022.txt": ("KẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN", "33/CT-TTG"),
    EXAMPLES / "quang-ngai-kh-180-2013.txt": ("KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH", "30-CTR/TU"),
    EXAMPLES / "quang-ngai-ctr-30-tu-2013.txt": ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện", "25-NQ/TW"),
    SHARED / "seeds" / "000_3de2988a4deb195f.txt": ("TRIỂN KHAI THỰC HIỆN CHỈ THỊ", "33/CT-TTG"),
    SHARED / "seeds" / "003_c748b1c2dbd3381b.txt": (
        "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH",
        "28-CTR/TU",
    ),
}


def _read(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def _at_word_edge(text: str, pos: int) -> bool:
    return pos in (0, len(text)) or not (text[pos - 1].isalnum() and text[pos].isalnum())


@pytest.mark.parametrize("path", list(TITLES), ids=lambda p: p.name)
def test_title_quote_is_the_title(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only present beside the repository)")
    text = _read(path)
    record = extract_text(text, source=str(path))
    head, mention = TITLES[path]
    title = [c for c in record.citations if c.start < 600 and mention in c.quote.upper()]
    assert title, "the title mention is found"
    c = title[0]
    assert c.quote == text[c.start : c.end]
    assert c.quote.startswith(head), c.quote[:80]
    assert "CỘNG HÒA" not in c.quote and "Số:" not in c.quote
    assert "Độc lập" not in c.quote and "-----" not in c.quote
    assert _at_word_edge(text, c.start) and _at_word_edge(text, c.end)
    assert len(c.quote) <= 420


def _all_files() -> list[Path]:
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))
    for folder in (SHARED / "seeds", SHARED / "corpus"):
        gold = folder / "gold.jsonl"
        if gold.exists():
            for line in gold.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    files.append(folder / json.loads(line)["file"])
    return files


def test_every_quote_is_cut_at_word_edges_and_skips_the_motto() -> None:
    checked = 0
    for path in _all_files():
        text = _read(path)
        record = extract_text(text, source=str(path))
        spans = [(c.start, c.end, c.quote) for c in record.citations]
        spans += [(a.start, a.end, a.quote) for a in record.assertions]
        for start, end, quote in spans:
            assert quote == text[start:end]
            assert _at_word_edge(text, start), (path.name, quote[:60])
            assert _at_word_edge(text, end), (path.name, quote[-60:])
            assert not MOTTO.search(quote), (path.name, quote)
            checked += 1
    assert checked > 100
