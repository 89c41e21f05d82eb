"""The readers' result and error types, in their own module so every reader can share them.

Kept apart from ``readers.py`` (which imports every format reader) to avoid an import
cycle; ``readers`` re-exports both names, and callers should import them from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ReadError(Exception):
    """A file that cannot be turned into text; ``str(e)`` is one line naming file and reason."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = " ".join(str(reason).split())  # one line, whatever the cause said
        super().__init__(f"{self.path}: {self.reason}")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Picklable with its two fields, so it crosses process boundaries (--jobs).
        return (type(self), (self.path, self.reason))


@dataclass
class ReadResult:
    """The text of one input (Unicode NFC, LF line ends) and how it was obtained.

    ``encoding`` names the byte encoding for text formats (``utf-8``, ``utf-16-le``,
    ``windows-1258``, ``tcvn3`` ...; ``+tcvn3``/``+vni`` when legacy font text was found
    inside a Unicode container); ``truncated`` is True when a size cap cut the text.
    """

    text: str
    format: str
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    truncated: bool = False
