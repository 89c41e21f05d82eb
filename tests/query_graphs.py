"""Graphs for the query tests, built from Extraction records through graph.build.

``example_records()`` mirrors the documents in examples/ and the seeds' Bến Tre chain (so
the tests run before, and independently of, the extractors); the integration tests also
build from the real files when the extractors can read them.
"""

from __future__ import annotations

from lexgraph.model import Assertion, Citation, DocumentInfo, Extraction

CT33 = "33/CT-TTg@2021"
NQ25 = "25-NQ/TW@2013"


def _doc(key, kind, issuer, level, province, date, title, district=None):
    number = key.split("@")[0]
    return DocumentInfo(key=key, kind=kind, number=number, year=int(date[:4]) if date else None,
                        issuer=issuer, level=level, province=province, district=district,
                        date=date, title=title)  # fmt: skip


def _cite(key, relation, scope="document", start=0, quote="", **kw):
    number, _, rest = key.partition("@")
    year = rest.split("@")[0]
    return Citation(key=key, number=number, year=int(year) if year.isdigit() else None,
                    relation=relation, scope=scope, start=start, end=start + len(quote) + 10,
                    quote=quote or f"{relation} {number}", **kw)  # fmt: skip


def example_records() -> list[Extraction]:
    ct33 = dict(
        kind="Chỉ thị", issuer="Thủ tướng Chính phủ", level="central_state", date="2021-11-26"
    )
    nq25 = dict(kind="Nghị quyết", issuer="Ban Chấp hành Trung ương Đảng", level="central_party",
                date="2013-06-03")  # fmt: skip
    return [
        Extraction(
            "examples/hau-giang-kh-120-2022.txt",
            "a1",
            _doc(
                "120/KH-UBND@2022@hau-giang",
                "Kế hoạch",
                "UBND tỉnh Hậu Giang",
                "province",
                "Hậu Giang",
                "2022-02-15",
                "Kế hoạch thực hiện Chỉ thị 33/CT-TTg về tăng cường công tác dân vận",
            ),
            [
                _cite(CT33, "implements", quote="Thực hiện Chỉ thị số 33/CT-TTg", **ct33),
                _cite(CT33, "implements", "task", start=900, **ct33),
                _cite("04/2015/NĐ-CP@2015", "based_on", start=50),
            ],
        ),
        Extraction(
            "examples/hau-giang-vi-thanh-kh-35-2022.txt",
            "a2",
            _doc(
                "35/KH-UBND@2022@hau-giang/vi-thanh",
                "Kế hoạch",
                "UBND thành phố Vị Thanh",
                "district",
                "Hậu Giang",
                "2022-03-10",
                "Kế hoạch triển khai Kế hoạch 120/KH-UBND",
                "Vị Thanh",
            ),
            [
                _cite("120/KH-UBND@2022@hau-giang", "implements", date="2022-02-15"),
                _cite(CT33, "cites", "task", start=400, **ct33),
            ],
        ),
        Extraction(
            "examples/son-la-kh-64-2022.md",
            "a3",
            _doc(
                "64/KH-UBND@2022@son-la",
                "Kế hoạch",
                "UBND tỉnh Sơn La",
                "province",
                "Sơn La",
                "2022-04-28",
                "Kế hoạch thực hiện Chỉ thị số 33/CT-TTg về công tác dân vận",
            ),
            [_cite(CT33, "based_on", quote="Căn cứ Chỉ thị số 33/CT-TTg", **ct33)],
        ),
        Extraction(
            "examples/quang-ngai-ctr-30-tu-2013.txt",
            "a4",
            _doc(
                "30-CTr/TU@2013@quang-ngai",
                "Chương trình",
                "Tỉnh ủy Quảng Ngãi",
                "province",
                "Quảng Ngãi",
                "2013-09-20",
                "Chương trình hành động thực hiện Nghị quyết Trung ương 7 khóa XI",
            ),
            [_cite(NQ25, "implements", **nq25)],
        ),
        Extraction(
            "examples/quang-ngai-kh-180-2013.txt",
            "a5",
            _doc(
                "180/KH-UBND@2013@quang-ngai",
                "Kế hoạch",
                "UBND tỉnh Quảng Ngãi",
                "province",
                "Quảng Ngãi",
                "2013-11-25",
                "Kế hoạch thực hiện Chương trình hành động 30-CTr/TU",
            ),
            [
                _cite("30-CTr/TU@2013@quang-ngai", "implements", date="2013-09-20"),
                _cite(NQ25, "cites", "task", start=700, **nq25),
            ],
        ),
        Extraction(
            "seeds/003.txt",
            "a6",
            _doc(
                "5793/KH-UBND@2013@ben-tre",
                "Kế hoạch",
                "UBND tỉnh Bến Tre",
                "province",
                "Bến Tre",
                "2013-11-26",
                "Kế hoạch triển khai Chương trình hành động 28-CTr/TU về công tác dân vận",
            ),
            [
                _cite(
                    "28-CTr/TU@2013@ben-tre",
                    "implements",
                    date="2013-09-11",
                    kind="Chương trình",
                    issuer="Tỉnh ủy Bến Tre",
                    level="province",
                    province="Bến Tre",
                    local=True,
                ),
                _cite(NQ25, "cites", "document", start=120, **nq25),
            ],
            [
                Assertion(
                    "28-CTr/TU@2013@ben-tre",
                    "implements",
                    NQ25,
                    100,
                    200,
                    "28-CTr/TU ... về việc thực hiện Nghị quyết ... (khoá XI)",
                )
            ],
        ),
        Extraction(
            "extra/ca-mau-11-nq-tu.txt",
            "a7",
            _doc(
                "11-NQ/TU@2021@ca-mau",
                "Nghị quyết",
                "Tỉnh ủy Cà Mau",
                "province",
                "Cà Mau",
                "2021-05-02",
                "Nghị quyết về phát triển kinh tế biển",
            ),
            [
                _cite(
                    "217-QĐ/TW@2013",
                    "implements",
                    kind="Quyết định",
                    date="2013-12-12",
                    issuer="Bộ Chính trị",
                    level="central_party",
                ),
                _cite(
                    "218-QĐ/TW@2013",
                    "implements",
                    kind="Quy định",
                    date="2013-12-12",
                    issuer="Bộ Chính trị",
                    level="central_party",
                ),
                _cite("33/CT-TTg@2008", "cites", "task", start=300, kind="Chỉ thị"),
            ],
        ),
        Extraction(
            "extra/bac-lieu-11-nq-tu.txt",
            "a8",
            _doc(
                "11-NQ/TU@2021@bac-lieu",
                "Nghị quyết",
                "Tỉnh ủy Bạc Liêu",
                "province",
                "Bạc Liêu",
                "2021-06-01",
                "Nghị quyết về giám sát của Mặt trận",
            ),
            [
                _cite("217-QĐ/TW@2013", "based_on", kind="Quyết định", date="2013-12-12"),
                _cite("11-NQ/TU@2021@ca-mau", "implements", "task"),
            ],
        ),
        Extraction(
            "extra/cycle.txt",
            "a9",
            _doc(
                "7/KH-UBND@2022@son-la",
                "Kế hoạch",
                "UBND tỉnh Sơn La",
                "province",
                "Sơn La",
                "2022-06-01",
                "Kế hoạch tiếp tục thực hiện Kế hoạch 64/KH-UBND",
            ),
            [
                _cite("64/KH-UBND@2022@son-la", "continues"),
                _cite("33/CT-TTg@?", "implements", "task", start=500),
            ],
            [Assertion("64/KH-UBND@2022@son-la", "implements", "7/KH-UBND@2022@son-la")],
        ),
    ]


def example_graph():
    from lexgraph.graph.build import build_graph

    return build_graph(example_records())
