"""Planning the synthetic corpus: who writes which document, citing what (no text yet).

Why apart from the rendering: the implementation trees (central -> Tỉnh ủy programme ->
province -> district -> commune), the per-issuer number counters and the provincial
document pools decide every number and date the text will cite; keeping them here lets
``lexgraph.synth_sections`` render a document from a finished ``Spec`` alone.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from lexgraph.synth_data import (
    CENTRAL,
    CENTRAL_BY_NUMBER,
    COMMUNES,
    DISTRICTS,
    LOCAL_TEMPLATES,
    PROVINCES,
    ROOTS,
)


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


CENTRAL_REFS: dict[str, Ref] = {}
for _c in CENTRAL:
    CENTRAL_REFS[_c.number] = _central(_c.number)
for _c in CENTRAL:
    if _c.target:
        CENTRAL_REFS[_c.number].target = CENTRAL_REFS[_c.target]
        CENTRAL_REFS[_c.number].target_rel = _c.target_rel


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


@dataclass
class Spec:
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


class World:
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


def _local_ref(spec: Spec) -> Ref:
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


def plan_trees(n: int, seed: int, world: World) -> list[Spec]:
    """Implementation trees (root -> party -> province -> districts -> communes) up to n documents."""
    rng = random.Random(f"{seed}:trees")
    specs: list[Spec] = []
    i = 0
    while len(specs) < n:
        name, city = PROVINCES[(i * 29 + seed) % len(PROVINCES)]
        root = CENTRAL_REFS[ROOTS[rng.randrange(len(ROOTS))]]
        i += 1
        room = (dt.date(2025, 12, 31) - dt.date.fromisoformat(root.date)).days - 200
        start = _add_days(root.date, rng.randint(10, max(20, min(500, room))))
        year = int(start[:4])
        base = Place(name, city)
        parent = root
        if "/TW" in root.number and rng.random() < 0.6:
            num = world.number(rng, f"TU:{name}", year, rng.choice(("CTr/TU", "KH/TU")), party=True)
            kind = "Chương trình hành động" if "CTr" in num else "Kế hoạch"
            party = Spec(base, "party", kind, num, start, root, root, year)
            party.ref = _local_ref(party)
            specs.append(party)
            parent = party.ref
            start = _add_days(start, rng.randint(7, 60))
        kind = "Kế hoạch" if rng.random() < 0.85 else "Chỉ thị"
        sym = "KH-UBND" if kind == "Kế hoạch" else "CT-UBND"
        year = int(start[:4])
        prov = Spec(
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
            dist = Spec(dplace, "district", "Kế hoạch", dnum, ddate, prov.ref, root, dyear)
            dist.ref = _local_ref(dist)
            specs.append(dist)
            for j in range(rng.randint(0, 2)):
                commune = COMMUNES[(offset + k * 5 + j * 3) % len(COMMUNES)]
                cdate = _add_days(ddate, rng.randint(3, 30))
                cyear = int(cdate[:4])
                cnum: str | None = world.number(
                    rng, f"UBND:{name}:{district}:{commune}", cyear, "KH-UBND", False
                )
                com = Spec(
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
