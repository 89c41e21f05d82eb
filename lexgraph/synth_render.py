"""Noisy rendering of citations, and the gold record that follows each mention.

Why apart from the document sections: every mention must register itself in the gold
record at the moment it is written (number, date and issuer only when the text shows
them), so the noise (spacing inside numbers, wrapped dates, tone spellings) and the gold
bookkeeping live together in ``DocWriter``; the sections only decide what to cite where.
"""

from __future__ import annotations

import random
from typing import Any

from lexgraph.synth_data import LAWS, TOPICS
from lexgraph.synth_plan import CENTRAL_REFS, Ref


def _date_text(rng: random.Random, iso: str, noise: list[str], clean: bool = False) -> str:
    y, m, d = iso.split("-")
    day = d if rng.random() < 0.5 else str(int(d))
    mon = m if rng.random() < 0.3 else str(int(m))
    r = rng.random()
    if r < 0.55:
        return f"ngày {day}/{mon}/{y}"
    if r < 0.6:
        return f"ngày {day}-{mon}-{y}"
    if r < 0.63 and not clean:
        noise.append("date wrapped")
        return f"ngày {day}\ntháng {mon} năm {y}"
    return f"ngày {day} tháng {mon} năm {y}"


def _number_text(rng: random.Random, number: str, noise: list[str]) -> str:
    r = rng.random()
    if r >= 0.16:
        return number
    seps = [i for i, ch in enumerate(number) if ch in "-/" and i > 0]
    i = seps[rng.randrange(len(seps))]
    # Real text breaks lines inside the symbol only after a hyphen ('NĐ-\nCP', 'CT-\nTTg').
    breaks = [j for j in seps if number[j] == "-" and number[j - 1].isalpha()]
    if r < 0.025 and breaks:
        noise.append("line break inside number")
        j = breaks[rng.randrange(len(breaks))]
        return number[: j + 1] + "\n" + number[j + 1 :]
    # Seen in real text: '05- CT/TW', '33/CT -TTg', '57- NQ/TW', '02 /CT-UBND' (space before '/').
    # Never a space on both sides: none of the 648 corpus texts writes a number so, and
    # ' - ' is how prose dashes follow a number ('số 401/BTXH - Sở ...', 'năm 2020 - UBND').
    form = rng.choice((" {}", "{} ")) if number[i] == "-" else " {}"
    noise.append("spaces around - or /")
    return number[:i] + form.format(number[i]) + number[i + 1 :]


class DocWriter:
    """Accumulates one document's text and, mention by mention, its gold record."""

    def __init__(self, rng: random.Random, own: str | None) -> None:
        self.rng = rng
        self.own = own
        self.parts: list[str] = []
        self.cites: dict[str, dict[str, Any]] = {}
        self.implements: list[str] = []
        self.tasks: list[str] = []
        self.named: list[str] = []
        self.chains: list[list[str]] = []
        self.noise: list[str] = []
        self.topic = TOPICS[0]
        self.clean = False  # no whitespace noise (titles: the gold keeps them verbatim)

    def w(self, *lines: str) -> None:
        self.parts.extend(lines)

    def _register(self, ref: Ref, scope: str | None, date: bool, issuer: bool) -> None:
        if ref.number == self.own:
            return
        entry = self.cites.setdefault(
            ref.number,
            {
                "number": ref.number,
                "kind": ref.kind,
                "date": None,
                "issuer": None,
                "local": ref.local,
            },
        )
        if date and entry["date"] is None:
            entry["date"] = ref.date
        if issuer and entry["issuer"] is None:
            entry["issuer"] = ref.issuer
        target = self.implements if scope == "document" else self.tasks if scope == "task" else None
        if target is not None and ref.number not in target:
            target.append(ref.number)

    def ref(
        self,
        ref: Ref,
        scope: str | None,
        *,
        date: bool | None = None,
        issuer: bool | None = None,
        subject: bool = True,
        expand: bool | None = None,
    ) -> str:
        """Text of one mention ('Chỉ thị số 33/CT-TTg ngày ... của ... về ...'), registering it."""
        rng = self.rng
        date = rng.random() < 0.85 if date is None else date
        issuer = rng.random() < 0.9 if issuer is None else issuer
        self._register(ref, scope, date, issuer)
        so = " số" if rng.random() < 0.92 else ""
        if so and rng.random() < 0.05 and not self.clean:
            so = " số\n"
            self.noise.append("line break after 'số'")
        if self.clean:
            so = so.strip("\n")
        number = ref.number if self.clean else _number_text(rng, ref.number, self.noise)
        out = [f"{ref.kind}{so}{'' if so.endswith(chr(10)) else ' '}{number}"]
        if date:
            out.append(" " + _date_text(rng, ref.date, self.noise, self.clean))
        if issuer:
            out.append(" của " + self._issuer_text(ref))
        expand = (ref.target is not None and rng.random() < 0.8) if expand is None else expand
        if expand and ref.target is not None:
            phrase = (
                rng.choice(("về việc tiếp tục thực hiện", "về tiếp tục thực hiện"))
                if ref.target_rel == "continues"
                else rng.choice(
                    (
                        "về việc triển khai thực hiện",
                        "về thực hiện",
                        "thực hiện",
                        "triển khai thực hiện",
                    )
                )
            )
            inner = self.ref(ref.target, None, subject=True, expand=False)
            if ref.number != self.own and ref.target.number != self.own:
                chain = [ref.number, ref.target.number, ref.target_rel]
                if chain not in self.chains:
                    self.chains.append(chain)
            out.append(f" {phrase} {inner}")
        elif subject:
            out.append(" " + ref.subject)
        return "".join(out)

    def _issuer_text(self, ref: Ref) -> str:
        text = ref.issuer_texts[0] if self.rng.random() < 0.7 else self.rng.choice(ref.issuer_texts)
        if self.rng.random() < 0.15:
            text = text.replace("ủy", "uỷ").replace("Ủy", "Uỷ")
        return text

    def pair(self, numbers: tuple[str, str], scope: str) -> str:
        """Two numbers sharing one date and issuer phrase (217-QĐ/TW và 218-QĐ/TW ngày ... của ...)."""
        a, b = (CENTRAL_REFS[n] for n in numbers)
        for ref in (a, b):
            self._register(ref, scope, True, True)
        self.noise.append(f"shared date phrase {a.number} + {b.number}")
        join = self.rng.choice((" và ", ", "))
        na, nb = (_number_text(self.rng, r.number, self.noise) for r in (a, b))
        return f"{a.kind} số {na}{join}{b.kind} số {nb} {_date_text(self.rng, a.date, self.noise)} của {self._issuer_text(a)}"

    def law(self, index: int, scope: str | None) -> str:
        name, when, year = LAWS[index]
        label = f"{name} {year}"
        if label not in self.named:
            self.named.append(label)
        if scope == "document" and "~" + label not in self.implements:
            self.implements.append("~" + label)
        return f"{name} {when}"
