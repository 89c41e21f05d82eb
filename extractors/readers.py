"""Any input file -> Unicode NFC text (``ReadResult``) or one clear ``ReadError``.

Dispatch is by extension, checked against the content's magic bytes ("sniffing"):
a ``.doc`` that is really a .docx, or a PDF saved as ``.txt``, is read as what it is,
with a warning; an unknown extension is read by its content.  Every reader's output is
post-processed the same way: CR/CRLF -> LF, legacy TCVN3/VNI font text converted,
NFC.  No exception but ``ReadError`` leaves ``read_document``/``read_bytes``.

Memory on huge inputs is bounded by a **cap, not streaming**: the extractor needs the
whole text (offsets, sections), so a text file is read up to ``max_bytes`` (default
32 MiB, 30x the largest corpus document) and the result says ``truncated`` with a
warning "truncated at N MB"; PDF text stops after ``max_bytes`` characters; containers
(.docx, .pdf, .doc) above ``MAX_CONTAINER_BYTES`` are refused.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import unicodedata
from pathlib import Path

from .encodings import NotText, decode_text
from .legacy import fix_legacy
from .read_model import ReadError, ReadResult

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_CONTAINER_BYTES",
    "SUPPORTED_EXTENSIONS",
    "ReadError",
    "ReadResult",
    "decode_text",
    "read_bytes",
    "read_document",
    "sniff_format",
]

MiB = 1024 * 1024
DEFAULT_MAX_BYTES = 32 * MiB
MAX_CONTAINER_BYTES = 256 * MiB
_EXT_FORMAT = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".doc": "doc",
}  # fmt: skip
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(_EXT_FORMAT)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_format(head: bytes, name: str = "") -> str | None:
    """The format the first bytes show ('pdf', 'docx', 'doc', 'html'), or None for text."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx"
    if head.startswith(_OLE2):
        return "doc"
    probe = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html")) or (
        probe.startswith(b"<?xml") and b"<html" in probe
    ):
        return "html"
    del name
    return None


def _choose_format(ext_format: str | None, sniffed: str | None, name: str) -> tuple[str, list[str]]:
    """Reconcile extension and content; return (format, warnings)."""
    if ext_format is None:
        return sniffed or "txt", []
    if ext_format in ("txt", "md"):
        # A text extension is trusted unless the content is a binary container.
        if sniffed in ("pdf", "docx", "doc"):
            return sniffed, [f"{name}: extension says {ext_format} but the content is {sniffed}"]
        return ext_format, []
    if ext_format == "html":
        return "html", []
    if sniffed in ("pdf", "docx", "doc") and sniffed != ext_format:
        return sniffed, [f"{name}: extension says {ext_format} but the content is {sniffed}"]
    return ext_format, []


def _finish(
    name: str,
    text: str,
    fmt: str,
    encoding: str | None,
    warnings: list[str],
    truncated: bool,
    *,
    legacy_done: bool = False,
) -> ReadResult:
    """Common post-processing: LF line ends, legacy fonts, NFC, and the emptiness check."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not legacy_done:
        legacy = fix_legacy(text)
        if legacy.encoding:
            text = legacy.text
            encoding = f"{encoding}+{legacy.encoding}" if encoding else legacy.encoding
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ReadError(name, f"no text in this {fmt} file (empty or only whitespace)")
    return ReadResult(text, fmt, encoding, warnings, truncated)


def _truncation_warning(name: str, max_bytes: int, size: int) -> str:
    return (
        f"{name}: truncated at {max_bytes / MiB:g} MB (file is {size / MiB:.1f} MB); "
        "the rest was not read"
    )


def _read_text_bytes(
    name: str, data: bytes, fmt: str, truncated: bool, warnings: list[str]
) -> ReadResult:
    try:
        text, encoding = decode_text(data)
    except NotText as err:
        raise ReadError(name, f"{err} (extension .{fmt})") from err
    if truncated:
        text = text.rstrip("\ufffd")
    if fmt == "html":
        from .html_reader import read_html

        text, more = read_html(text, name)
        return _finish(name, text, fmt, encoding, warnings + more, truncated)
    return _finish(name, text, fmt, encoding, warnings, truncated, legacy_done=True)


def _dispatch(
    name: str, fmt: str, source, size: int, max_bytes: int, warnings: list[str]
) -> ReadResult:
    """Read a container format (docx, pdf, doc) from a path or a binary stream."""
    if size > MAX_CONTAINER_BYTES:
        raise ReadError(
            name, f"{fmt} file too large ({size / MiB:.0f} MB > {MAX_CONTAINER_BYTES / MiB:g} MB)"
        )
    if fmt == "docx":
        from .docx_reader import read_docx

        text, more = read_docx(source, name)
        return _finish(name, text, fmt, None, warnings + more, False)
    if fmt == "pdf":
        from .pdf_reader import read_pdf

        text, more, truncated = read_pdf(source, name, max_chars=max_bytes)
        return _finish(name, text, fmt, None, warnings + more, truncated)
    from .doc_reader import read_doc

    if isinstance(source, Path):
        text, more = read_doc(source, name)
    else:
        with tempfile.TemporaryDirectory(prefix="lexgraph-") as tmp:
            path = Path(tmp) / "input.doc"
            path.write_bytes(source.getvalue())
            text, more = read_doc(path, name)
    return _finish(name, text, fmt, None, warnings + more, False)


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read one file into NFC text. Raises ``ReadError`` (never anything else)."""
    name = str(path)
    try:
        return _read_document(Path(path), name, max_bytes)
    except ReadError:
        raise
    except FileNotFoundError as err:
        raise ReadError(name, "file not found (it vanished?)") from err
    except PermissionError as err:
        raise ReadError(name, "permission denied (unreadable file)") from err
    except IsADirectoryError as err:
        raise ReadError(name, "is a directory, not a file") from err
    except OSError as err:
        raise ReadError(name, f"cannot read: {err.strerror or err}") from err
    except Exception as err:  # noqa: BLE001 - the contract: only ReadError escapes
        raise ReadError(name, f"unexpected {type(err).__name__}: {err}") from err


def _read_document(path: Path, name: str, max_bytes: int) -> ReadResult:
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(name, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(name, "not a regular file")
    if info.st_size == 0:
        raise ReadError(name, "empty file (0 bytes)")
    with open(path, "rb") as handle:
        head = handle.read(8192)
        ext_format = _EXT_FORMAT.get(path.suffix.lower())
        fmt, warnings = _choose_format(ext_format, sniff_format(head, name), name)
        if fmt in ("txt", "md", "html"):
            rest = handle.read(max(0, max_bytes - len(head)))
            data = (head + rest)[:max_bytes]
            size = max(info.st_size, os.fstat(handle.fileno()).st_size)
            truncated = size > len(data) and bool(handle.read(1))
            if truncated:
                warnings.append(_truncation_warning(name, max_bytes, size))
            return _read_text_bytes(name, data, fmt, truncated, warnings)
    return _dispatch(name, fmt, path, info.st_size, max_bytes, warnings)


def read_bytes(
    data: bytes, name: str = "<stdin>", *, max_bytes: int = DEFAULT_MAX_BYTES
) -> ReadResult:
    """Read in-memory content (stdin ``-``); ``name``'s extension, if any, is a hint."""
    try:
        if not data:
            raise ReadError(name, "empty input (0 bytes)")
        ext_format = _EXT_FORMAT.get(Path(name).suffix.lower()) if name != "<stdin>" else None
        fmt, warnings = _choose_format(ext_format, sniff_format(data[:8192], name), name)
        if fmt in ("txt", "md", "html"):
            truncated = len(data) > max_bytes
            if truncated:
                warnings.append(_truncation_warning(name, max_bytes, len(data)))
            return _read_text_bytes(name, data[:max_bytes], fmt, truncated, warnings)
        return _dispatch(name, fmt, io.BytesIO(data), len(data), max_bytes, warnings)
    except ReadError:
        raise
    except Exception as err:  # noqa: BLE001 - the contract: only ReadError escapes
        raise ReadError(name, f"unexpected {type(err).__name__}: {err}") from err
