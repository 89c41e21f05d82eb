"""Document text of an HTML page saved from a legal portal or a government site.

A saved page is mostly chrome: menus, scripts, styles, search boxes, "văn bản liên
quan" (related documents) lists, share buttons, and on some portals an English
translation next to the Vietnamese text.  Citations found there would be false edges,
so they are removed before the text is taken: by tag (script, style, nav, header,
footer, aside, form ...), by ``lang="en"``, and by class/id words (not "header": a
document's own header block is often classed so).  Then the element
that holds the document is chosen: a known content container when one is present,
else ``<article>``/``<main>``, else the body.  Block elements end lines, so paragraph
breaks survive; table cells are taken one after the other, each on its own line.
"""

from __future__ import annotations

import re

from .read_model import ReadError

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "input", "textarea", "menu", "dialog", "object",
    "embed", "canvas", "link", "meta", "title", "head",
)  # fmt: skip
# class/id words of page chrome (Vietnamese portals and generic CMS themes).
_CHROME = re.compile(
    r"(^|[-_\s])(menu|nav|navbar|breadcrumbs?|sidebar|side-bar|banner|share|"
    r"social|comments?|login|search|advert|ads|quangcao|related|lienquan|lien-quan|"
    r"vblienquan|vanbanlienquan|van-ban-lien-quan|tin-lien-quan|tab-?english|english|"
    r"tienganh|tieng-anh|translation|cookie|popup|modal|toolbar|pagination)($|[-_\s])",
    re.IGNORECASE,
)
# Content containers of portals seen in the corpus sources, most specific first.
_CONTENT_SELECTORS = (
    "#toanvancontent", ".toanvancontent", "#divContentDoc", ".content1", ".fulltext",
    "#fulltext", ".detail-content", ".noidungvanban", ".vbContent", "#vbContent",
    ".document-content", ".content-detail", "article", "main", "[role=main]",
)  # fmt: skip
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "hr",
        "td",
        "th",
        "caption",
        "center",
        "address",
        "figure",
        "figcaption",
    ]
)
_MIN_CONTENT_CHARS = 200


def _is_chrome(el) -> bool:
    attrs = getattr(el, "attrs", None)
    if not attrs:
        return False
    if str(attrs.get("lang", "")).lower().startswith("en"):
        return True
    if str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    style = str(attrs.get("style", "")).replace(" ", "").lower()
    if "display:none" in style:
        return True
    words = " ".join(attrs.get("class", []) or []) + " " + str(attrs.get("id", ""))
    return bool(_CHROME.search(words)) or str(attrs.get("role", "")) in ("navigation", "banner")


def _lines(root) -> str:
    """Text of ``root`` with block elements on their own lines (iterative, no recursion)."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    skip = (Comment, Doctype, Declaration, ProcessingInstruction)
    parts: list[str] = []
    stack: list = [root]
    while stack:
        node = stack.pop()
        if node is None:
            parts.append("\n")
        elif isinstance(node, NavigableString):
            if not isinstance(node, skip):
                parts.append(re.sub(r"\s+", " ", str(node)))
        elif isinstance(node, Tag):
            block = node.name in _BLOCK
            if block:
                parts.append("\n")
                stack.append(None)  # close the block after its children
            stack.extend(reversed(node.contents))
    lines = (" ".join(ln.split()) for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def read_html(data: str, name: str) -> tuple[str, list[str]]:
    """Return (text, warnings) of an HTML page; ReadError when it holds no text."""
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(data, "lxml")
    except Exception as err:  # noqa: BLE001 - parser failures on junk input
        raise ReadError(name, f"unparsable HTML ({type(err).__name__}: {err})") from err
    for el in soup.find_all(_DROP_TAGS):
        el.decompose()
    for el in [el for el in soup.find_all(True) if _is_chrome(el)]:
        if not el.decomposed:
            el.decompose()
    root = None
    for selector in _CONTENT_SELECTORS:
        try:
            found = soup.select(selector)
        except Exception:  # noqa: BLE001 - soupsieve on odd documents
            continue
        found = [f for f in found if len(f.get_text(strip=True)) >= _MIN_CONTENT_CHARS]
        if found:
            root = max(found, key=lambda f: len(f.get_text(strip=True)))
            break
    text = _lines(root if root is not None else (soup.body or soup))
    if not text.strip():
        raise ReadError(name, "the HTML page contains no document text")
    return text, []
