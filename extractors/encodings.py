"""Bytes of a .txt/.md file -> Unicode NFC text, with the encoding detected, not assumed.

Order of evidence, strongest first: a byte-order mark; the NUL pattern of BOM-less
UTF-16; strict UTF-8 (which almost never validates by accident); otherwise an 8-bit
file, which for Vietnamese is Windows-1258 (tone marks as *combining* characters, so
the text is NFC-composed after decoding) or a legacy font encoding (TCVN3, VNI) read
through cp1252 and converted.  The two 8-bit readings are scored by how many words
are valid Vietnamese syllables.  Binary data is refused rather than decoded into junk.
"""

from __future__ import annotations

import codecs
import unicodedata

from .legacy import _score, fix_legacy

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")
_BINARY_SHARE = 0.01  # more control characters than this (or any NUL) = not text


class NotText(ValueError):
    """The bytes are not text in any encoding we accept; the message says why."""


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes sit on one parity, as ASCII in UTF-16 does."""
    sample = data[: 1 << 16]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.2 and even < 0.02:
        return "utf-16-le"
    if even > 0.2 and odd < 0.02:
        return "utf-16-be"
    return None


def _check_text(text: str) -> None:
    """Raise NotText when decoded text is mostly control characters (binary data)."""
    if "\x00" in text:
        raise NotText("binary content (NUL bytes), not text")
    sample = text[: 1 << 20]
    bad = sum(1 for c in sample if c < " " and c not in _ALLOWED_CONTROLS)
    bad += sample.count("\ufffd")
    if sample and bad / len(sample) > _BINARY_SHARE:
        raise NotText(f"binary content ({bad} control characters in {len(sample)}), not text")


def _decode_utf8(data: bytes) -> str | None:
    """Strict UTF-8, tolerating only a multi-byte character cut at the very end (a cap)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and "end of data" in err.reason:
            try:
                return data[: err.start].decode("utf-8")
            except UnicodeDecodeError:
                return None
        return None


def _syllable_share(text: str) -> float:
    valid, invalid = _score(text[: 1 << 18])
    return valid / (valid + invalid) if valid + invalid else 0.0


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to NFC text; returns (text, encoding name). Raises NotText."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(name.removesuffix("-sig"), errors="replace")
            return _finish(text, name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        even = data[: len(data) // 2 * 2]
        try:
            return _finish(even.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise NotText("binary content (NUL bytes), not text")
    text = _decode_utf8(data)
    if text is not None:
        return _finish(text, "utf-8")
    # 8-bit: Windows-1258 or a legacy font encoding (read through cp1252).
    as_1258 = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    as_1252 = data.decode("cp1252", errors="replace")
    _check_text(as_1252)
    legacy = fix_legacy(as_1252)
    if legacy.encoding and _syllable_share(legacy.text) > _syllable_share(as_1258):
        return _finish(legacy.text, legacy.encoding, legacy_done=True)
    return _finish(as_1258, "windows-1258")


def _finish(text: str, encoding: str, *, legacy_done: bool = False) -> tuple[str, str]:
    """Check, NFC-normalise, and convert legacy font text found inside Unicode text."""
    _check_text(text)
    text = unicodedata.normalize("NFC", text)
    if not legacy_done:
        legacy = fix_legacy(text)
        if legacy.encoding:
            return legacy.text, f"{encoding}+{legacy.encoding}"
    return text, encoding
