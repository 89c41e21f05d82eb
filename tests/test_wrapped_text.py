"""The gold documents re-wrapped as a PDF's text layer or a pasted copy wraps them.

pdfminer keeps each visual line (extractors/pdf_reader.py), so a PDF of a seed reaches the
extractor with line breaks anywhere between words: inside 'ban hành', between a kind and
its number, in the middle of a 'Căn cứ' line. The corpus shows it is common (350 'ban' /
'hành' breaks, 1,252 'thực' / 'hiện'). Every line over 80 characters is wrapped at 80
(breaking only at spaces, as a text layout does), and so is every line over 45 (a narrow
PDF column): the evaluation must stay what it is on the text as published. At 45 columns
before this test, seed 004's issuer ('Sở ... xây dựng kế' / 'hoạch') and two gazette titles
(a number wrapped onto its own line) were lost.

Known limits, measured and not gated: at 60 columns a 'Căn cứ' preamble after a wrapped
web-page summary (tvpl-2639-qd-ttg) loses its document scope, and a wrap before a spaced
joiner ('33/CT' / '-TTg', seed 000) cuts the number.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tests.conftest import evaluate


def wrapped_copy(folder: Path, into: Path, width: int = 80) -> Path:
    """The gold documents of ``folder`` with every line over ``width`` + 5 characters
    wrapped at ``width``, and the gold beside them."""
    into.mkdir()
    gold = folder / "gold.jsonl"
    names = {json.loads(line)["file"] for line in gold.read_text("utf-8").splitlines() if line}
    for name in names:
        lines = []
        for line in (folder / name).read_text("utf-8").splitlines():
            if len(line) > width + 5:
                lines += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
            else:
                lines.append(line)
        (into / name).write_text("\n".join(lines) + "\n", "utf-8")
    (into / "gold.jsonl").write_bytes(gold.read_bytes())
    return into


def scores(report: dict) -> dict:
    return {
        **{name: m["f1"] for name, m in report["metrics"].items()},
        **{name: a["accuracy"] for name, a in report["accuracy"].items()},
    }


@pytest.mark.parametrize("width", [80, 45])
def test_wrapping_changes_no_seed_score(seeds_dir: Path, tmp_path: Path, width: int) -> None:
    wrapped = wrapped_copy(seeds_dir, tmp_path / "seeds", width)
    if width == 80:  # the break that cost seed 002 its issuer
        assert any("ban\nhành Kế hoạch" in p.read_text("utf-8") for p in wrapped.glob("*.txt"))
    assert scores(evaluate(wrapped)) == scores(evaluate(seeds_dir))


@pytest.mark.corpus
@pytest.mark.parametrize("width", [80, 45])
def test_wrapping_changes_no_corpus_gold_score(
    corpus_dir: Path, tmp_path: Path, width: int
) -> None:
    wrapped = wrapped_copy(corpus_dir, tmp_path / "corpus", width)
    assert scores(evaluate(wrapped)) == scores(evaluate(corpus_dir))
