"""Lines quoted from ../shared/corpus in rule tests, so the rules run without it; each
test module registers its quotes and checks them against their files when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


class CorpusQuotes(dict):
    """quote text -> corpus file; calling it registers a quote and returns the text."""

    def __call__(self, file: str, text: str) -> str:
        self[text] = file
        return text

    def assert_real(self) -> None:
        """Every registered quote is in its file (skips when the corpus is absent)."""
        if not CORPUS.is_dir():
            pytest.skip("../shared/corpus is not here")
        for text, file in self.items():
            assert text in (CORPUS / file).read_text(encoding="utf-8"), (file, text[:60])
