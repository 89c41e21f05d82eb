"""Text of a .docx in reading order: header, body paragraphs and tables, footer.

Vietnamese documents put the issuer and the number (``Số: 16/KH-UBND``) in a two-column
table at the top of the page, often in the page *header*, and sometimes in text boxes;
python-docx's ``Document.paragraphs`` sees none of those.  So the WordprocessingML tree
is walked directly: every ``w:p`` and ``w:tbl`` in document order, table cells one after
the other (a cell's lines stay together, so the two header columns never interleave),
merged cells once, text boxes after their paragraph, deleted revisions and field codes
skipped.  The ``mc:Fallback`` copy of drawing content is skipped (it duplicates
``mc:Choice``).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from .read_model import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Refuse zip members that inflate beyond this (a "zip bomb" would exhaust memory).
MAX_XML_BYTES = 512 * 1024 * 1024


def _paragraph_text(p, boxes: list) -> str:
    """Text of one w:p; text boxes found inside are appended to ``boxes`` instead."""
    parts: list[str] = []
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == MC_FALLBACK or tag == W + "del" or tag == W + "instrText":
            continue
        if tag == W + "txbxContent":
            boxes.append(el)
            continue
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        stack.extend(reversed(list(el)))
    return "".join(parts)


def _walk(container, out: list[str]) -> None:
    """Append the lines of a body/header/footer/cell/text box to ``out``, in order."""
    for el in container:
        tag = el.tag
        if tag == W + "p":
            boxes: list = []
            out.append(_paragraph_text(el, boxes))
            for box in boxes:
                _walk(box, out)
        elif tag == W + "tbl":
            for tr in el.iter(W + "tr"):
                if tr.getparent() is not el:
                    continue  # rows of nested tables are reached through their cell
                for tc in tr.findall(W + "tc"):
                    # A vertically merged continuation cell repeats nothing: skip it.
                    vmerge = tc.find(f"{W}tcPr/{W}vMerge")
                    if vmerge is not None and vmerge.get(W + "val") in (None, "continue"):
                        continue
                    _walk(tc, out)
        elif tag in (W + "sdt", W + "customXml", W + "smartTag"):
            content = el.find(W + "sdtContent")
            _walk(content if content is not None else el, out)


def read_docx(source: str | Path | IO[bytes], name: str) -> tuple[str, list[str]]:
    """Return (text, warnings) of a .docx; ReadError when it is not a readable .docx."""
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as err:  # pragma: no cover - a declared dependency
        raise ReadError(name, "python-docx is not installed (pip install python-docx)") from err
    try:
        with zipfile.ZipFile(source) as zf:
            for info in zf.infolist():
                if info.filename.startswith("word/") and info.file_size > MAX_XML_BYTES:
                    raise ReadError(name, f"{info.filename} inflates to {info.file_size} bytes")
            bad = zf.testzip()
            if bad:
                raise ReadError(name, f"corrupt .docx (bad CRC in {bad})")
        if hasattr(source, "seek"):
            source.seek(0)
        document = docx.Document(source)
    except ReadError:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, EOFError) as err:
        raise ReadError(name, f"not a readable .docx (truncated or corrupt zip: {err})") from err
    except Exception as err:  # noqa: BLE001 - lxml/python-docx raise many types on junk
        raise ReadError(name, f"not a readable .docx ({type(err).__name__}: {err})") from err

    headers: list[str] = []
    footers: list[str] = []
    seen: set[int] = set()
    for section in document.sections:
        for part, sink in (
            (section.first_page_header, headers),
            (section.header, headers),
            (section.even_page_header, headers),
            (section.first_page_footer, footers),
            (section.footer, footers),
            (section.even_page_footer, footers),
        ):
            try:
                if part.is_linked_to_previous:
                    continue
                element = part._element  # the w:hdr / w:ftr element
            except Exception:  # noqa: BLE001 - absent parts
                continue
            if id(element) in seen:
                continue
            seen.add(id(element))
            lines: list[str] = []
            _walk(element, lines)
            block = "\n".join(ln for ln in lines if ln.strip())
            if block and block not in sink:  # first-page and default headers often repeat
                sink.append(block)
    body: list[str] = []
    _walk(document.element.body, body)
    lines = headers + body + footers
    warnings: list[str] = []
    text = "\n".join(lines)
    if not text.strip():
        raise ReadError(name, "the .docx contains no text")
    return text, warnings
