"""Text layer of a PDF, in reading order, with pdfminer.six's layout analysis.

Why pdfminer.six: measured on generated Vietnamese PDFs (DejaVuSans, NFC text), all of
pypdf, pdfminer.six, pdfplumber, PyMuPDF and pypdfium2 keep every diacritic, but only
pdfminer.six keeps the two-column header table (issuer | national motto) apart when
the PDF draws it line by line across both columns; pypdf and pdfium follow the content
stream and interleave the columns, pdfplumber and PyMuPDF's sorted text join them on
one line.  pdfminer.six is slower (about 45 pages/s against pypdf's 230) and MIT
licensed (PyMuPDF is AGPL).  pypdf is used first for the cheap checks: encryption,
page count.  A page with no text is reported (scanned; OCR needed); a PDF with no text
at all is a ReadError, never an empty success.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from .read_model import ReadError

# Below this many non-space characters per page on average, a PDF is a scan.
_MIN_CHARS_PER_PAGE = 20
OCR_HINT = "no text layer (scanned image?): OCR is needed, e.g. `ocrmypdf in.pdf out.pdf`"


def _check_encryption(source: str | Path | IO[bytes], name: str) -> int:
    """Page count; ReadError for encrypted PDFs that need a password or an unreadable file."""
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(source)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as err:  # noqa: BLE001 - unsupported algorithms etc.
                raise ReadError(name, f"encrypted PDF that cannot be opened ({err})") from err
            if not ok:
                raise ReadError(name, "encrypted PDF: a password is needed to read it")
        return len(reader.pages)
    except ReadError:
        raise
    except (PdfReadError, ValueError, OSError, KeyError, TypeError, AttributeError) as err:
        raise ReadError(name, f"not a readable PDF ({type(err).__name__}: {err})") from err
    except Exception as err:  # noqa: BLE001 - pypdf raises assorted errors on junk
        raise ReadError(name, f"not a readable PDF ({type(err).__name__}: {err})") from err


def read_pdf(
    source: str | Path | IO[bytes], name: str, *, max_chars: int
) -> tuple[str, list[str], bool]:
    """Return (text, warnings, truncated); ReadError for encrypted, corrupt or scanned PDFs."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextContainer
    except ImportError as err:
        raise ReadError(name, "cannot read PDF: pip install pdfminer.six") from err

    pages_total = _check_encryption(source, name)
    if hasattr(source, "seek"):
        source.seek(0)
    pages: list[str] = []
    empty: list[int] = []
    size = 0
    truncated = False
    try:
        for number, page in enumerate(extract_pages(source, password="", laparams=LAParams()), 1):
            text = "".join(el.get_text() for el in page if isinstance(el, LTTextContainer))
            if len("".join(text.split())) < _MIN_CHARS_PER_PAGE:
                empty.append(number)
            pages.append(text)
            size += len(text)
            if size > max_chars:
                truncated = number < pages_total
                break
    except ReadError:
        raise
    except Exception as err:  # noqa: BLE001 - pdfminer raises assorted errors on junk
        if not pages:
            raise ReadError(name, f"not a readable PDF ({type(err).__name__}: {err})") from err
        warning = f"{name}: PDF text stops at page {len(pages)} ({type(err).__name__}: {err})"
        return "\n".join(pages), [warning], True
    text = "\n".join(p.rstrip("\n") for p in pages)
    if not "".join(text.split()) or len(empty) == len(pages):
        raise ReadError(name, OCR_HINT)
    warnings = []
    if empty:
        shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
        warnings.append(f"{name}: pages {shown} have no text layer (scanned?): OCR is needed")
    if truncated:
        warnings.append(f"{name}: text truncated at {max_chars} characters (page {len(pages)})")
    return text, warnings, truncated
