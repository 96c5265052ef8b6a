from __future__ import annotations

from pathlib import Path

import pytest

from kamdocs.core.files import WriteRefused, write_atomic


def test_writes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "one")
    with pytest.raises(WriteRefused, match="exists; use --force"):
        write_atomic(target, "two")
    assert target.read_text() == "one"
    write_atomic(target, b"three", force=True)
    assert target.read_bytes() == b"three"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(WriteRefused, match="no such folder"):
        write_atomic(tmp_path / "nope" / "out.txt", "x")


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")

    def broken(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("kamdocs.core.files.os.replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new", force=True)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
