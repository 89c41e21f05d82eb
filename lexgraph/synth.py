"""A seeded synthetic corpus of Vietnamese local documents, with gold records.

Why: the 25 hand-made gold documents are too few to measure recall at scale or to feed
the graph and load benchmarks. The generator writes documents that look like the seeds
(headers, upper-case kind lines, openings, numbered sections, citations in the noisy
forms real text has) and, because it writes every citation itself, it knows the gold
record exactly (``../shared/seeds/gold.jsonl`` format). Documents form implementation
trees central -> (Tỉnh ủy programme) -> province -> district -> commune across all 63
provinces and several years. Same seed, byte-identical output.

Graph-scale records without text: ``lexgraph.synth_graph.synthetic_records``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lexgraph.synth_data import (
    AGENCIES,
    CENTRAL,
    CENTRAL_BY_NUMBER,
    COMMUNES,
    DISTRICT_AGENCIES,
    DISTRICTS,
    FILLER_TASKS,
    GIVEN,
    LAWS,
    LOCAL_TEMPLATES,
    MIDDLE,
    PAIRS,
    PROVINCES,
    PURPOSES,
    REQUIREMENTS,
    ROOTS,
    SURNAMES,
    TOPICS,
)
from lexgraph.synth_graph import synthetic_records

__all__ = ["Ref", "generate", "synth_main", "synthetic_records", "write_gold"]

GOLD_KEYS = ("file", "doc", "implements", "tasks", "cites", "named", "chains", "notes")


@dataclass
class Ref:
    """A citable document as the generator knows it (central, provincial pool, or generated)."""

    number: str
    kind: str
    date: str  # ISO
    issuer: str  # gold short form
    issuer_texts: tuple[str, ...]  # spellings for the text
    subject: str
    local: bool = False
    target: Ref | None = None
    target_rel: str = "implements"


def _central(number: str) -> Ref:
    c = CENTRAL_BY_NUMBER[number]
    return Ref(c.number, c.kind, c.date, c.short, c.issuer, c.subject)


_CENTRAL_REFS: dict[str, Ref] = {}
for _c in CENTRAL:
    _CENTRAL_REFS[_c.number] = _central(_c.number)
for _c in CENTRAL:
    if _c.target:
        _CENTRAL_REFS[_c.number].target = _CENTRAL_REFS[_c.target]
        _CENTRAL_REFS[_c.number].target_rel = _c.target_rel


@dataclass
class Place:
    province: str
    city: bool
    district: str | None = None
    commune: str | None = None

    @property
    def tinh(self) -> str:
        return "thành phố" if self.city else "tỉnh"

    @property
    def tu(self) -> str:
        return "Thành ủy" if self.city else "Tỉnh ủy"

    def name(self) -> str:
        """``tỉnh Cà Mau`` / ``huyện Phú Giáo`` / ``xã Tân An``."""
        if self.commune:
            return f"xã {self.commune}"
        if self.district:
            return f"huyện {self.district}"
        return f"{self.tinh} {self.province}"

    def town(self) -> str:
        """The place line before the date."""
        if self.commune:
            return self.commune
        if self.district:
            return self.district
        return "Thành phố Hồ Chí Minh" if self.province == "Hồ Chí Minh" else self.province


# ---------------------------------------------------------------- noisy rendering


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


class _Doc:
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
        a, b = (_CENTRAL_REFS[n] for n in numbers)
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


# ---------------------------------------------------------------- the documents


@dataclass
class _Spec:
    """One document to write: where, what, and which document it implements."""

    place: Place
    level: str  # party | province | district | commune
    kind: str
    number: str | None
    date: str | None
    parent: Ref
    root: Ref
    year: int
    ref: Ref | None = None
    notes: list[str] = field(default_factory=list)


def _add_days(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


class _World:
    """Deterministic state across documents: number counters, provincial document pools."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.counters: dict[tuple[str, int, str], int] = {}
        self.pools: dict[str, list[Ref]] = {}

    def number(self, rng: random.Random, issuer: str, year: int, symbol: str, party: bool) -> str:
        key = (issuer, year, symbol)
        n = self.counters.get(key, rng.randint(1, 150)) + rng.randint(1, 6)
        self.counters[key] = n
        text = f"{n:02d}" if n < 10 and rng.random() < 0.5 else str(n)
        return f"{text}-{symbol}" if party else f"{text}/{symbol}"

    def pool(self, place: Place) -> list[Ref]:
        """Provincial documents that local plans cite (same number and date in every file)."""
        if place.province not in self.pools:
            prng = random.Random(f"{self.seed}:pool:{place.province}")
            refs = []
            for tpl in LOCAL_TEMPLATES:
                short = tpl.issuer.format(T=place.tinh, U=place.tu)
                texts = (short, f"{short} {place.province}")
                year = prng.randint(2012, 2024)
                date = _add_days(f"{year}-01-01", prng.randint(0, 360))
                number = tpl.symbol.format(n=prng.randint(700, 999))
                refs.append(Ref(number, tpl.kind, date, short, texts, tpl.subject, local=True))
            self.pools[place.province] = refs
        return self.pools[place.province]


def _local_ref(spec: _Spec) -> Ref:
    """How other documents cite this generated document."""
    p = spec.place
    if spec.level == "party":
        short, texts = p.tu, (p.tu, f"{p.tu} {p.province}", f"Ban Thường vụ {p.tu} {p.province}")
        short_for = {texts[2]: f"Ban Thường vụ {p.tu}"}
    elif spec.level == "province":
        short = f"UBND {p.tinh}"
        texts = (short, f"UBND {p.tinh} {p.province}", f"Ủy ban nhân dân {p.tinh} {p.province}")
        short_for = {texts[2]: f"Ủy ban nhân dân {p.tinh}"}
    else:
        short = "UBND huyện"
        texts = (short, f"UBND huyện {p.district}", f"Ủy ban nhân dân huyện {p.district}")
        short_for = {texts[2]: "Ủy ban nhân dân huyện"}
    # One spelling per document so the gold short form is exact.
    rng = random.Random(f"{spec.number}:{spec.date}:{p.province}")
    text = rng.choice(texts)
    short = short_for.get(text, short)
    subject = f"{spec.root.subject} trên địa bàn {p.name()}"
    assert spec.number and spec.date
    return Ref(
        spec.number, spec.kind, spec.date, short, (text,), subject, True, spec.parent, "implements"
    )


def _plan_trees(n: int, seed: int, world: _World) -> list[_Spec]:
    """Implementation trees (root -> party -> province -> districts -> communes) up to n documents."""
    rng = random.Random(f"{seed}:trees")
    specs: list[_Spec] = []
    i = 0
    while len(specs) < n:
        name, city = PROVINCES[(i * 29 + seed) % len(PROVINCES)]
        root = _CENTRAL_REFS[ROOTS[rng.randrange(len(ROOTS))]]
        i += 1
        room = (dt.date(2025, 12, 31) - dt.date.fromisoformat(root.date)).days - 200
        start = _add_days(root.date, rng.randint(10, max(20, min(500, room))))
        year = int(start[:4])
        base = Place(name, city)
        parent = root
        if "/TW" in root.number and rng.random() < 0.6:
            num = world.number(rng, f"TU:{name}", year, rng.choice(("CTr/TU", "KH/TU")), party=True)
            kind = "Chương trình hành động" if "CTr" in num else "Kế hoạch"
            party = _Spec(base, "party", kind, num, start, root, root, year)
            party.ref = _local_ref(party)
            specs.append(party)
            parent = party.ref
            start = _add_days(start, rng.randint(7, 60))
        kind = "Kế hoạch" if rng.random() < 0.85 else "Chỉ thị"
        sym = "KH-UBND" if kind == "Kế hoạch" else "CT-UBND"
        year = int(start[:4])
        prov = _Spec(
            base,
            "province",
            kind,
            world.number(rng, f"UBND:{name}", year, sym, False),
            start,
            parent,
            root,
            year,
        )
        prov.ref = _local_ref(prov)
        specs.append(prov)
        offset = (i * 7) % len(DISTRICTS)
        for k in range(rng.randint(1, 4)):
            district = DISTRICTS[(offset + k * 11) % len(DISTRICTS)]
            dplace = Place(name, city, district)
            ddate = _add_days(prov.date or start, rng.randint(5, 45))
            dyear = int(ddate[:4])
            dnum = world.number(rng, f"UBND:{name}:{district}", dyear, "KH-UBND", False)
            dist = _Spec(dplace, "district", "Kế hoạch", dnum, ddate, prov.ref, root, dyear)
            dist.ref = _local_ref(dist)
            specs.append(dist)
            for j in range(rng.randint(0, 2)):
                commune = COMMUNES[(offset + k * 5 + j * 3) % len(COMMUNES)]
                cdate = _add_days(ddate, rng.randint(3, 30))
                cyear = int(cdate[:4])
                cnum: str | None = world.number(
                    rng, f"UBND:{name}:{district}:{commune}", cyear, "KH-UBND", False
                )
                com = _Spec(
                    Place(name, city, district, commune),
                    "commune",
                    "Kế hoạch",
                    cnum,
                    cdate,
                    dist.ref,
                    root,
                    cyear,
                )
                r = rng.random()
                if r < 0.02:
                    com.number, com.notes = None, ["blank number ('Số: /KH-UBND')"]
                elif r < 0.04:
                    com.date, com.notes = None, ["day left blank in the date line"]
                specs.append(com)
    return specs[:n]


def _issuer(spec: _Spec) -> str:
    p = spec.place
    if spec.level == "party":
        return f"{p.tu} {p.province}"
    return f"UBND {p.name()}"


def _header(doc: _Doc, spec: _Spec) -> None:
    rng, p = doc.rng, spec.place
    if spec.level == "party":
        left = [f"ĐẢNG BỘ {p.tinh.upper()} {p.province.upper()}", p.tu.upper(), "*"]
        right = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
        so = f"Số {spec.number}"
    else:
        unit = p.name().upper()
        left = ["ỦY BAN NHÂN DÂN" if rng.random() < 0.85 else "UỶ BAN NHÂN DÂN", unit, "-------"]
        right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if rng.random() < 0.8 else "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "---------------"]  # fmt: skip
        sym = "KH-UBND" if spec.kind == "Kế hoạch" else "CT-UBND"
        so = f"Số: {spec.number}" if spec.number else f"Số: /{sym}"
    if spec.date:
        y, m, d = spec.date.split("-")
        when = f"{p.town()}, ngày {d} tháng {m if int(m) < 3 else str(int(m))} năm {y}"
    else:
        when = f"{p.town()}, ngày     tháng {rng.randint(1, 12)} năm {spec.year}"
    if rng.random() < 0.06:
        doc.noise.append("header as a markdown table")
        doc.w(f"| {' '.join(left[:2])} | {right[0]} |", "|---|---|", f"| {so} | {when} |", "")
    else:
        doc.w(*left, *right, so, when, "")


def _title(doc: _Doc, spec: _Spec) -> tuple[str, str | None]:
    """Title line(s); returns (gold title, closing reference text or None)."""
    rng = doc.rng
    r = rng.random()
    where = f" trên địa bàn {spec.place.name()}"
    doc.clean = True
    if r < 0.45:
        text = (
            "Triển khai thực hiện "
            + doc.ref(spec.root, "document", subject=True, expand=False)
            + where
        )
        doc.clean = False
        closing: str | None = "triển khai thực hiện " + doc.ref(spec.root, None, expand=False)
    elif r < 0.75 and spec.parent is not spec.root:
        text = "Thực hiện " + doc.ref(
            spec.parent, "document", date=rng.random() < 0.5, expand=False
        )
        doc.clean = False
        closing = "thực hiện " + doc.ref(spec.parent, None, date=False, expand=False)
    else:
        text = f"Thực hiện {doc.topic} năm {spec.year}"
        closing = None
    doc.clean = False
    gold = text.replace("\n", " ")
    kind_line = spec.kind.upper()
    if rng.random() < 0.08:
        kind_line = f"**{kind_line}**"
        doc.noise.append("markdown asterisks")
    doc.w(kind_line)
    shown = text
    if rng.random() < 0.25:
        shown = text.upper()
        doc.noise.append("upper-case title")
    if rng.random() < 0.3 and len(shown) > 80:
        cut = shown.rfind(" ", 0, len(shown) // 2)
        shown = shown[:cut] + "\n" + shown[cut + 1 :]
    doc.w(shown, "-----------", "")
    return " ".join(gold.split()), closing


def _opening(doc: _Doc, spec: _Spec) -> None:
    rng, p = doc.rng, spec.place
    who = ("Ủy ban nhân dân " if rng.random() < 0.6 else "UBND ") + (
        p.name() if rng.random() < 0.5 else p.name().split(" ")[0]
    )
    if spec.level == "party":
        who = f"Ban Thường vụ {p.tu}"
    lines: list[str] = []
    if spec.level != "party" and rng.random() < 0.25 and spec.year >= 2016:
        lines.append("Căn cứ " + doc.law(0, "document") + ";")
    if rng.random() < 0.15 and spec.year >= 2016:
        lines.append("Căn cứ " + doc.ref(_CENTRAL_REFS["04/2015/NĐ-CP"], "document") + ";")
    r = rng.random()
    if r < 0.6:
        lines.append(
            f"Thực hiện {doc.ref(spec.parent, 'document')}, {who} ban hành {spec.kind} {doc.topic} năm {spec.year}, cụ thể như sau:"
        )
    elif r < 0.8:
        lines.append(f"Căn cứ {doc.ref(spec.parent, 'document')};")
        lines.append(f"{who} xây dựng {spec.kind} thực hiện như sau:")
    else:
        lines.append(
            f"Để tiếp tục thực hiện có hiệu quả {doc.ref(spec.parent, 'document')}, {who} ban hành {spec.kind} như sau:"
        )
    doc.w(*lines, "")


def _body(doc: _Doc, spec: _Spec, closing: str | None, world: _World) -> None:
    rng = doc.rng
    topic = doc.topic
    cutoff = spec.date or f"{spec.year}-01-01"  # nothing cited is newer than the document
    doc.w("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích")
    for s in rng.sample(PURPOSES, 2):
        doc.w("- " + s.format(topic=topic, year=spec.year))
    doc.w("2. Yêu cầu")
    for s in rng.sample(REQUIREMENTS, 2):
        doc.w("- " + s)
    doc.w(
        "", "II. NHIỆM VỤ, GIẢI PHÁP" if rng.random() < 0.6 else "II. NỘI DUNG, NHIỆM VỤ TRỌNG TÂM"
    )
    items: list[str] = []
    if rng.random() < 0.7:
        items.append(
            f"Tổ chức quán triệt, triển khai thực hiện nghiêm túc {doc.ref(spec.root, 'task', expand=False)} đến toàn thể cán bộ, công chức, viên chức và Nhân dân."
        )
    older = [c for c in CENTRAL if c.number != spec.root.number and c.date < cutoff]
    picks = rng.sample(older, min(len(older), rng.randint(1, 4)))
    for c in picks:
        ref = doc.ref(_CENTRAL_REFS[c.number], "task")
        items.append(rng.choice((
            f"Tiếp tục thực hiện có hiệu quả {ref}; gắn với việc thực hiện nhiệm vụ chính trị của cơ quan, đơn vị.",
            f"Thực hiện nghiêm {ref}.",
            f"Tổ chức tiếp dân, đối thoại trực tiếp với Nhân dân theo {ref}.",
            f"Quán triệt và triển khai {ref} đến cán bộ, đảng viên.",
        )))  # fmt: skip
    pool = [r for r in world.pool(spec.place) if r.date < cutoff]
    for ref in rng.sample(pool, min(len(pool), rng.randint(0, 3))):
        if ref.number == doc.own:
            continue
        items.append(
            f"Các cơ quan, đơn vị thực hiện tốt {doc.ref(ref, 'task')}, bảo đảm đúng tiến độ."
        )
    pair = PAIRS[rng.randrange(len(PAIRS))]
    if rng.random() < 0.3 and CENTRAL_BY_NUMBER[pair[0]].date < cutoff:
        items.append(
            f"Tạo điều kiện để Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tham gia giám sát, phản biện xã hội theo {doc.pair(pair, 'task')}."
        )
    if rng.random() < 0.3:
        laws = rng.sample([i for i in range(1, len(LAWS)) if LAWS[i][2] <= spec.year], 2)
        items.append(
            f"Tổ chức tuyên truyền, phổ biến {doc.law(laws[0], None)}, {doc.law(laws[1], None)} đến Nhân dân."
        )
    items += rng.sample(FILLER_TASKS, 2)
    rng.shuffle(items)
    if rng.random() < 0.3 and pool:
        bg = rng.choice(pool)
        if bg.number != doc.own:
            items.append(
                f"Năm {spec.year - 1}, các cơ quan, đơn vị đã bám sát {doc.ref(bg, None, expand=False)}, đạt nhiều kết quả tích cực; 100% cơ quan có kế hoạch cụ thể."
            )
    for k, item in enumerate(items, 1):
        doc.w(f"{k}. {item}")
    doc.w("", "III. TỔ CHỨC THỰC HIỆN")
    agencies = DISTRICT_AGENCIES if spec.level in ("district", "commune") else AGENCIES
    for k, agency in enumerate(rng.sample(agencies, 3), 1):
        doc.w(
            f"{k}. {agency}",
            f"- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức triển khai các nội dung của {spec.kind} này; báo cáo kết quả trước ngày 15/12/{spec.year}.",
        )
    end = (
        f"Trên đây là {spec.kind} {closing}."
        if closing
        else f"Trên đây là {spec.kind} {topic} năm {spec.year}."
    )
    doc.w(
        "",
        end
        + " Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo để xem xét, giải quyết./.",
        "",
    )


def _signature(doc: _Doc, spec: _Spec) -> None:
    rng = doc.rng
    p = spec.place
    recipients = ["Nơi nhận:", "- Như trên;", f"- TT. {p.tu} {p.province} (b/c);"]
    if spec.level in ("district", "commune"):
        recipients.append(f"- UBND {p.tinh} {p.province} (b/c);")
    if spec.level == "commune":
        recipients.append(f"- UBND huyện {p.district} (b/c);")
    doc.w(*recipients, "- Lưu: VT.", "")
    if spec.level == "party":
        doc.w("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")
    else:
        doc.w("TM. ỦY BAN NHÂN DÂN", rng.choice(("CHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")))
    doc.w("", "", _person(rng), "")


def _render(spec: _Spec, index: int, seed: int, world: _World) -> tuple[str, dict[str, Any]]:
    rng = random.Random(f"{seed}:doc:{index}")
    doc = _Doc(rng, spec.number)
    doc.topic = rng.choice(TOPICS)
    _header(doc, spec)
    title, closing = _title(doc, spec)
    _opening(doc, spec)
    _body(doc, spec, closing, world)
    _signature(doc, spec)
    text = "\n".join(doc.parts)
    if rng.random() < 0.02:
        text = unicodedata.normalize("NFD", text)
        doc.noise.append("NFD text")
    p = spec.place
    gold = {
        "file": f"synth_{index:06d}.txt",
        "doc": {
            "kind": spec.kind,
            "number": spec.number,
            "issuer": _issuer(spec),
            "province": p.province,
            "district": p.district,
            "date": spec.date,
            "title": title,
        },
        "implements": doc.implements,
        "tasks": doc.tasks,
        "cites": list(doc.cites.values()),
        "named": doc.named,
        "chains": doc.chains,
        "notes": "; ".join(
            [f"synthetic (seed {seed}), level {spec.level}"] + spec.notes + sorted(set(doc.noise))
        ),
    }
    return text, gold


def generate(
    n: int, seed: int = 0, out_dir: Path | str = Path("synth"), *, gold_file: bool = True
) -> list[dict[str, Any]]:
    """Write ``n`` documents ``synth_NNNNNN.txt`` into ``out_dir`` (and ``gold.jsonl``); return the gold."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    world = _World(seed)
    golds = []
    for index, spec in enumerate(_plan_trees(n, seed, world)):
        text, gold = _render(spec, index, seed, world)
        (out / gold["file"]).write_text(text, encoding="utf-8", newline="\n")
        golds.append(gold)
    if gold_file:
        write_gold(out / "gold.jsonl", golds)
    return golds


def write_gold(path: Path | str, records: Iterable[dict[str, Any]]) -> None:
    """Gold records as JSON Lines, UTF-8 not ASCII-escaped, keys in the seeds' order."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(
                json.dumps({k: rec[k] for k in GOLD_KEYS if k in rec}, ensure_ascii=False) + "\n"
            )


def synth_main(n: int, out_dir: Path | str, seed: int = 0) -> dict[str, Any]:
    """What ``lexgraph synth`` runs: write the corpus and its gold; return a summary."""
    golds = generate(n, seed, out_dir)
    return {
        "documents": len(golds),
        "out_dir": str(out_dir),
        "gold": str(Path(out_dir) / "gold.jsonl"),
        "cites": sum(len(g["cites"]) for g in golds),
        "chains": sum(len(g["chains"]) for g in golds),
        "provinces": len({g["doc"]["province"] for g in golds}),
    }
