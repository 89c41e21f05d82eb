"""The sections of one synthetic document (header, title, opening, body, signature).

Why apart from the planning: each section draws only from the document's own seeded
random stream and its ``Spec``, so ``render_document`` gives the same text and gold for a
spec whatever was rendered before it.
"""

from __future__ import annotations

import random
import unicodedata
from typing import Any

from lexgraph.synth_data import (
    AGENCIES,
    CENTRAL,
    CENTRAL_BY_NUMBER,
    DISTRICT_AGENCIES,
    FILLER_TASKS,
    GIVEN,
    LAWS,
    MIDDLE,
    PAIRS,
    PURPOSES,
    REQUIREMENTS,
    SURNAMES,
    TOPICS,
)
from lexgraph.synth_plan import CENTRAL_REFS, Spec, World
from lexgraph.synth_render import DocWriter


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _issuer(spec: Spec) -> str:
    p = spec.place
    if spec.level == "party":
        return f"{p.tu} {p.province}"
    return f"UBND {p.name()}"


def _header(doc: DocWriter, spec: Spec) -> None:
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


def _title(doc: DocWriter, spec: Spec) -> tuple[str, str | None]:
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


def _opening(doc: DocWriter, spec: Spec) -> None:
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
        lines.append("Căn cứ " + doc.ref(CENTRAL_REFS["04/2015/NĐ-CP"], "document") + ";")
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


def _body(doc: DocWriter, spec: Spec, closing: str | None, world: World) -> None:
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
        ref = doc.ref(CENTRAL_REFS[c.number], "task")
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


def _signature(doc: DocWriter, spec: Spec) -> None:
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


def render_document(spec: Spec, index: int, seed: int, world: World) -> tuple[str, dict[str, Any]]:
    rng = random.Random(f"{seed}:doc:{index}")
    doc = DocWriter(rng, spec.number)
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
