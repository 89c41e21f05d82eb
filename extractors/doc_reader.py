"""Old Word (.doc, OLE2) files, converted by an external program when one is installed.

python-docx cannot read .doc; antiword (Debian package ``antiword``) converts it to
UTF-8 text quickly, and LibreOffice headless (``libreoffice-writer``) converts anything
Word can open.  Without either, the user gets a message saying what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .read_model import ReadError

TIMEOUT_S = 120
INSTALL_HINT = (
    "cannot read old Word .doc: install antiword (apt-get install antiword) "
    "or LibreOffice (apt-get install libreoffice-writer), or save the file as .docx"
)


def read_doc(path: Path, name: str) -> tuple[str, list[str]]:
    """Return (text, warnings) of a .doc file via antiword, else LibreOffice headless."""
    antiword = shutil.which("antiword")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not antiword and not soffice:
        raise ReadError(name, INSTALL_HINT)
    errors: list[str] = []
    if antiword:
        env = {**os.environ, "ANTIWORDHOME": "/usr/share/antiword"}
        try:
            done = subprocess.run(
                [antiword, "-m", "UTF-8.txt", "-w", "0", str(path)],
                capture_output=True,
                timeout=TIMEOUT_S,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            errors.append(f"antiword timed out after {TIMEOUT_S} s")
        else:
            text = done.stdout.decode("utf-8", errors="replace")
            if done.returncode == 0 and text.strip():
                return text, []
            errors.append(
                "antiword: " + (done.stderr.decode(errors="replace").strip() or "no text")
            )
    if soffice:
        with tempfile.TemporaryDirectory(prefix="lexgraph-doc-") as out:
            try:
                done = subprocess.run(
                    [
                        soffice,
                        "--headless",
                        "--convert-to",
                        "txt:Text (encoded):UTF8",
                        "--outdir",
                        out,
                        str(path),
                    ],  # fmt: skip
                    capture_output=True,
                    timeout=TIMEOUT_S,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                errors.append(f"LibreOffice timed out after {TIMEOUT_S} s")
            else:
                produced = list(Path(out).glob("*.txt"))
                if produced:
                    text = produced[0].read_text(encoding="utf-8-sig", errors="replace")
                    if text.strip():
                        return text, []
                errors.append(
                    "LibreOffice: " + (done.stderr.decode(errors="replace").strip() or "no output")
                )
    raise ReadError(name, "could not convert .doc (" + "; ".join(errors) + ")")
