"""The scorer on hand-made records: each metric, each scoring rule, and the report."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest

from lexgraph.evaluate import gold_view, load_gold, norm_text, records_from_gold, score
from lexgraph.model import Assertion, Citation, DocumentInfo, Extraction

SHARED = Path(__file__).resolve().parents[2] / "shared"

GOLD = {
    "file": "a.txt",
    "doc": {
        "kind": "Kế hoạch",
        "number": "16/KH-UBND",
        "issuer": "UBND tỉnh Cà Mau",
        "province": "Cà Mau",
        "district": None,
        "date": "2022-01-24",
        "title": "Triển khai thực hiện Chỉ thị số 33/CT-TTg",
    },
    "implements": [
        "33/CT-TTg",
        "28-CTr/TU",
        "25-NQ/TW",
        "~Luật Tổ chức chính quyền địa phương 2015",
    ],
    "tasks": ["01-KL/TW", "217-QĐ/TW"],
    "cites": [
        {
            "number": "33/CT-TTg",
            "kind": "Chỉ thị",
            "date": "2021-11-26",
            "issuer": "Thủ tướng Chính phủ",
            "local": False,
        },
        {
            "number": "28-CTr/TU",
            "kind": "Chương trình hành động",
            "date": "2013-09-11",
            "issuer": "Tỉnh ủy",
            "local": True,
        },
        {
            "number": "25-NQ/TW",
            "kind": "Nghị quyết",
            "date": "2013-06-03",
            "issuer": None,
            "local": False,
        },
        {
            "number": "01-KL/TW",
            "kind": "Kết luận",
            "date": "2021-05-18",
            "issuer": "Bộ Chính trị",
            "local": False,
        },
        {
            "number": "05-CT/TW",
            "kind": "Chỉ thị",
            "date": None,
            "issuer": "Bộ Chính trị",
            "local": False,
        },
        {
            "number": "217-QĐ/TW",
            "kind": "Quyết định",
            "date": "2013-12-12",
            "issuer": "Bộ Chính trị",
            "local": False,
        },
    ],
    "named": ["Luật Tổ chức chính quyền địa phương 2015"],
    "chains": [["28-CTr/TU", "25-NQ/TW", "implements"], ["01-KL/TW", "05-CT/TW", "continues"]],
    "notes": "",
}


def _cite(number, relation="cites", scope="task", **kw) -> Citation:
    return Citation(key=f"{number}@x", number=number, relation=relation, scope=scope, **kw)


def perfect() -> Extraction:
    """A record that says exactly what GOLD says, written as an extractor would."""
    doc = DocumentInfo(key="16/KH-UBND@2022@ca-mau", kind="Kế hoạch", number="16/KH-UBND", issuer="UBND tỉnh Cà Mau",
                       province="Cà Mau", date="2022-01-24", title="Triển khai thực hiện Chỉ thị số 33/CT-TTg")  # fmt: skip
    cits = [
        _cite("33/CT-TTg", "implements", "document", kind="Chỉ thị", date="2021-11-26", issuer="Thủ tướng Chính phủ"),
        _cite("28-CTr/TU", "implements", "document", kind="Chương trình hành động", date="2013-09-11", issuer="Tỉnh ủy", local=True),
        _cite("25-NQ/TW", "implements", "document", kind="Nghị quyết", date="2013-06-03"),
        Citation(key="law:luat@2015", name="Luật Tổ chức chính quyền địa phương", year=2015, relation="based_on", scope="document"),
        _cite("01-KL/TW", "continues", "task", kind="Kết luận", date="2021-05-18", issuer="Bộ Chính trị"),
        _cite("05-CT/TW", "cites", "task", kind="Chỉ thị", issuer="Bộ Chính trị"),
        _cite("217-QĐ/TW", "implements", "task", kind="Quyết định", date="2013-12-12", issuer="Bộ Chính trị"),
        _cite("16/KH-UBND", "cites", "task"),  # its own number: never a cite
    ]  # fmt: skip
    assertions = [
        Assertion("28-CTr/TU@x", "implements", "25-NQ/TW@x"),
        Assertion("01-KL/TW@x", "continues", "05-CT/TW@x"),
        Assertion("01-KL/TW@x", "guides", "33/CT-TTg@x"),  # not a chain relation
    ]
    return Extraction(
        source="/some/dir/a.txt", sha256="", document=doc, citations=cits, assertions=assertions
    )


def test_gold_view_of_a_perfect_record_is_the_gold() -> None:
    view = gold_view(perfect())
    for key in ("doc", "implements", "tasks", "cites", "named", "chains"):
        assert view[key] == GOLD[key], key


def test_perfect_record_scores_one_everywhere() -> None:
    report = score([perfect()], [GOLD])
    assert {m: report.f1(m) for m in report.metrics} == dict.fromkeys(report.metrics, 1.0)
    assert all(a.value == 1.0 for a in report.accuracy.values())
    assert report.documents[0].perfect


def test_cites_missing_and_extra_are_counted_exactly() -> None:
    rec = perfect()
    rec.citations = [c for c in rec.citations if c.number != "217-QĐ/TW"]
    rec.citations.append(_cite("99/QĐ-UBND"))
    m = score([rec], [GOLD]).metrics["cites"]
    assert (m.tp, m.fp, m.fn) == (5, 1, 1)
    assert m.precision == pytest.approx(5 / 6) and m.recall == pytest.approx(5 / 6)
    doc = score([rec], [GOLD]).documents[0]
    assert doc.misses["cites"] == ["217-QĐ/TW"] and doc.extras["cites"] == ["99/QĐ-UBND"]


def test_cites_compare_canonical_numbers_and_may_merge_the_cttg_typo() -> None:
    rec = perfect()
    rec.citations[0].number = "33/CT -TTG"
    assert score([rec], [GOLD]).f1("cites") == 1.0
    gold = copy.deepcopy(GOLD)
    gold["cites"][0]["number"] = "33/CTTg"
    gold["implements"][0] = "33/CTTg"
    assert score([perfect()], [gold]).f1("cites") == 1.0
    strict = score([perfect()], [gold], merge_typos=False).metrics["cites"]
    assert (strict.fp, strict.fn) == (1, 1)


def test_implements_counts_document_scope_only() -> None:
    rec = perfect()
    rec.citations[0].scope = "task"  # 33/CT-TTg now only a task
    m = score([rec], [GOLD]).metrics["implements"]
    assert (m.tp, m.fn, m.fp) == (3, 1, 0)
    rec = perfect()
    rec.citations[4].scope = "document"  # 01-KL/TW stated in the opening: an extra implements
    assert score([rec], [GOLD]).metrics["implements"].fp == 1


def test_implements_reached_through_a_gold_chain_is_no_error_either_way() -> None:
    rec = perfect()
    rec.citations[2].scope = "task"  # 25-NQ/TW only through 28-CTr/TU's chain
    rec.citations[2].relation = "cites"
    m = score([rec], [GOLD]).metrics["implements"]
    assert (m.fn, m.fp) == (0, 0)
    gold = copy.deepcopy(GOLD)
    gold["implements"].remove("25-NQ/TW")
    assert score([perfect()], [gold]).metrics["implements"].fp == 0


def test_law_tilde_entries_scored_only_when_the_extractor_names_laws() -> None:
    rec = perfect()
    rec.citations = [c for c in rec.citations if not c.name]
    m = score([rec], [GOLD]).metrics["implements"]
    assert (m.tp, m.fn) == (3, 0)  # no name resolution at all: '~' entries not scored
    assert score([rec], [GOLD]).metrics["named"].fn == 1
    rec.citations.append(Citation(key="law:x@2013", name="Luật Tiếp công dân", year=2013))
    m = score([rec], [GOLD]).metrics["implements"]
    assert m.fn == 1  # it names laws, so the missing Căn cứ law is a miss
    assert score([rec], [GOLD]).metrics["named"].fp == 1


def test_tasks_need_task_scope_and_an_implementing_relation() -> None:
    rec = perfect()
    rec.citations[4].relation = "cites"  # 01-KL/TW merely mentioned
    m = score([rec], [GOLD]).metrics["tasks"]
    assert (m.tp, m.fn, m.fp) == (1, 1, 0)


def test_chains_map_keys_to_numbers_and_ignore_other_relations() -> None:
    rec = perfect()
    rec.assertions[1] = Assertion("01-KL/TW@x", "implements", "05-CT/TW@x")  # wrong relation
    m = score([rec], [GOLD]).metrics["chains"]
    assert (m.tp, m.fp, m.fn) == (1, 1, 1)
    rec = perfect()
    rec.assertions.append(Assertion("16/KH-UBND@2022@ca-mau", "implements", "33/CT-TTg@x"))
    assert score([rec], [GOLD]).metrics["chains"].fp == 0  # the document itself is never in a chain


def test_chain_to_an_unnumbered_target_matches_by_description() -> None:
    gold = copy.deepcopy(GOLD)
    gold["chains"].append(
        ["28-CTr/TU", "~Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", "implements"]
    )
    rec = perfect()
    rec.citations.append(
        Citation(key="alias:nq13", alias="Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII")
    )
    rec.assertions.append(Assertion("28-CTr/TU@x", "implements", "alias:nq13"))
    assert score([rec], [gold]).metrics["chains"].tp == 3
    assert score([perfect()], [gold]).metrics["chains"].fn == 0  # free text not produced: unscored


def test_document_accuracy_is_tone_and_case_insensitive_but_not_blind() -> None:
    rec = perfect()
    rec.document.issuer = "ubnd Tỉnh Cà Mau"
    rec.document.title = "TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 33/CT-TTG"
    report = score([rec], [GOLD])
    assert report.acc("doc.issuer") == 1.0 and report.acc("doc.title") == 1.0
    rec.document.date = "2022-01-25"
    rec.document.number = "16/KH-UBND "
    rec.document.province = "tỉnh Cà Mau"
    report = score([rec], [GOLD])
    assert (
        report.acc("doc.date") == 0.0
        and report.acc("doc.number") == 1.0
        and report.acc("doc.province") == 1.0
    )
    assert report.documents[0].wrong["doc.date"] == {"gold": "2022-01-24", "got": "2022-01-25"}
    assert (
        norm_text("Tỉnh uỷ khoá XI") == norm_text("tỉnh ủy khóa XI") != norm_text("tinh uy khoa XI")
    )


def test_cited_dates_use_the_first_non_null_date() -> None:
    rec = perfect()
    rec.citations[0].date = None
    rec.citations.append(_cite("33/CT-TTg", "implements", "task", date="2021-11-26"))
    rec.citations.append(_cite("33/CT-TTg", "implements", "task", date="1999-01-01"))
    assert score([rec], [GOLD]).acc("cites.date") == 1.0
    rec.citations[0].date = "2021-11-27"
    report = score([rec], [GOLD])
    assert report.accuracy["cites.date"].correct == report.accuracy["cites.date"].total - 1


def test_missing_record_counts_as_misses_and_records_without_gold_are_listed() -> None:
    other = perfect()
    other.source = "b.txt"
    report = score([other], [GOLD])
    assert report.missing == ["a.txt"] and report.unscored == ["b.txt"]
    assert report.metrics["cites"].fn == 6 and report.f1("cites") == 0.0
    assert report.acc("doc.number") == 0.0


def test_report_serialises_and_renders() -> None:
    rec = perfect()
    rec.citations.append(_cite("99/QĐ-UBND"))
    report = score([rec], [GOLD])
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["metrics"]["cites"]["fp"] == 1
    assert data["per_document"][0]["extras"] == {"cites": ["99/QĐ-UBND"]}
    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=140).print(report.render())
    assert "99/QĐ-UBND" in out.getvalue() and "cites" in out.getvalue()
    assert "99/QĐ-UBND" in report.render_text()


@pytest.mark.parametrize("name", ["seeds/gold.jsonl", "corpus/gold.jsonl"])
def test_real_gold_round_trips_to_one(name: str) -> None:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} absent")
    gold = load_gold(path)
    report = score(records_from_gold(gold), gold)
    assert all(m.f1 == 1.0 for m in report.metrics.values())
    assert all(a.value == 1.0 for name, a in report.accuracy.items() if name != "cites.date")
    # corpus gold lists 27/CTTg (dated 15/7) next to 27/CT-TTg (15/8): merged, one date differs
    assert report.accuracy["cites.date"].total - report.accuracy["cites.date"].correct <= 1
