"""DocumentRow: a tuple sharing its document's fields and evidence, read by field name.

The traversal builds rows with ``tuple.__new__`` from shared parts (queries/traverse.py);
these tests hold the public face to what the dataclass it replaced offered: fields by name
in a fixed order, a flat dict, equality by value, copies with a field changed, pickling.
"""

from __future__ import annotations

import copy
import pickle

import lexgraph
from lexgraph.queries.results import DocumentRow, Result, field_names, to_dict
from lexgraph.queries.traverse import row_fields
from tests.query_graphs import example_graph

VALUES = {
    "key": "35/KH-UBND@2022@hau-giang/vi-thanh", "number": "35/KH-UBND", "kind": "Kế hoạch",
    "issuer": "UBND thành phố Vị Thanh", "province": "Hậu Giang", "level": "district",
    "date": "2022-03-10", "title": "Kế hoạch thực hiện Chỉ thị 33", "source": "x/35.txt",
    "depth": 2, "via": ["120/KH-UBND@2022@hau-giang"], "relation": "implements",
    "scope": "document", "lag_days": 130, "quote": "Thực hiện Kế hoạch số 120/KH-UBND",
    "parent": "120/KH-UBND@2022@hau-giang", "target": "33/CT-TTg@2021",
}  # fmt: skip


def test_fields_by_name_in_order() -> None:
    row = DocumentRow(**VALUES)
    assert tuple(VALUES) == DocumentRow.FIELDS
    assert {name: getattr(row, name) for name in DocumentRow.FIELDS} == VALUES
    assert row.to_dict() == VALUES == to_dict(row)
    assert field_names(row) == list(VALUES)
    assert repr(row).startswith("DocumentRow(key='35/KH-UBND@2022@hau-giang/vi-thanh', number=")


def test_equality_copies_and_pickling() -> None:
    row = DocumentRow(**VALUES)
    assert row == DocumentRow(**VALUES)
    assert row != DocumentRow(**{**VALUES, "quote": "another"})
    changed = row.replace(target="33/CT-TTg@2021|217-QĐ/TW@2013")
    assert changed.target == "33/CT-TTg@2021|217-QĐ/TW@2013" and changed.key == row.key
    assert row.target == "33/CT-TTg@2021"  # the original is untouched
    assert pickle.loads(pickle.dumps(row)) == row
    assert copy.deepcopy(row) == row


def test_a_built_row_equals_one_made_from_its_fields() -> None:
    # The traversal's shared-parts rows and rows made field by field are the same rows.
    g = lexgraph.Graph.from_graph(example_graph())
    rows = g.implementers("CT 33/2021").rows
    assert rows
    for row in rows:
        assert DocumentRow(**row.to_dict()) == row
        node = g.backend.graph.nodes[row.key]
        assert row_fields(node)[:8] == tuple(getattr(row, n) for n in DocumentRow.FIELDS[1:9])


def test_to_pandas_has_the_field_columns() -> None:
    frame = Result([DocumentRow(**VALUES)]).to_pandas()
    assert list(frame.columns) == list(DocumentRow.FIELDS)
    assert frame.loc[0, "via"] == VALUES["via"]
