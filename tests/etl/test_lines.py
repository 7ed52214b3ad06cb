"""The line count of a large CSV (etl/lines.py): a block of plain lines is counted without being
split, and what that fast count must not miss (a blank line, a lone CR, a quoted line break) is
still found wherever it sits in a block."""

from pathlib import Path

import pytest

from etl import lines


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"])
def test_blank_lines_inside_a_block_are_found(tmp_path: Path, monkeypatch, ending: bytes):
    monkeypatch.setattr(lines, "BLOCK", 64)  # many blocks, each with whole lines in its middle
    rows = [b"id,area"] + [b"B-%04d,Karawaci" % i for i in range(1, 201)]
    rows[50] = rows[120] = b""  # lines 51 and 121 (rows[0] is line 1) are blank
    path = tmp_path / "register.csv"
    path.write_bytes(ending.join(rows) + ending)
    shape = lines.scan(path)
    assert shape.records == 201  # the header and 200 lines, the two blank ones included
    assert shape.blank == [51, 121]
    assert shape.endings == {ending}


def test_a_lone_cr_and_a_quoted_break_inside_a_block(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(lines, "BLOCK", 64)
    rows = [b"id,area"] + [b"B-%04d,Karawaci" % i for i in range(1, 101)]
    rows[30] = b"B-0030,Kara\rwaci"  # a lone CR: a line end DuckDB would not see
    rows[70] = b'B-0070,"Kara\nwaci"'  # a quoted line break: one record over two lines
    path = tmp_path / "register.csv"
    path.write_bytes(b"\n".join(rows) + b"\n")
    shape = lines.scan(path)
    assert shape.records == 101  # 102 physical lines, the quoted break stays in its record
    assert shape.endings == {b"\n", b"\r"}
    assert shape.blank == []
