from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kamdocs.core.files import WriteRefused, write_atomic, write_folder


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
    with pytest.raises(WriteRefused, match="disk full"):
        write_atomic(target, "new", force=True)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_promise_written_files_get_the_permissions_a_normal_write_gives(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", "x")
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o640)
        write_atomic(kept, "new", force=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_promise_force_on_a_link_replaces_the_linked_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(WriteRefused, match="exists"):
        write_atomic(link, "new")
    write_atomic(link, "new", force=True)
    assert link.is_symlink() and real.read_text() == "new"


def test_promise_an_unwritable_folder_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("kamdocs.core.files.tempfile.mkstemp", refused)
    with pytest.raises(WriteRefused, match="cannot write here: Permission denied"):
        write_atomic(tmp_path / "out.txt", "x")


MARKER = ".written"


def test_folder_is_written_whole_and_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "build" / "out"
    write_folder(target, {"a/one.md": b"1", "two.md": b"2", MARKER: b""}, MARKER)
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()) == [MARKER, "a/one.md", "two.md"]
    with pytest.raises(WriteRefused, match="exists; use --force to replace it"):
        write_folder(target, {"two.md": b"new", MARKER: b""}, MARKER)
    assert (target / "two.md").read_bytes() == b"2"
    write_folder(target, {"two.md": b"new", MARKER: b""}, MARKER, force=True)
    # a file of the earlier run does not survive (an account that was removed must leave the site)
    assert sorted(p.name for p in target.rglob("*")) == [MARKER, "two.md"]
    assert [p.name for p in target.parent.iterdir()] == ["out"]


def test_folder_not_written_by_it_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(WriteRefused, match=r"did not write \(no \.written\)"):
        write_folder(tmp_path, {"x.md": b"x", MARKER: b""}, MARKER, force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("target", ["docs", "docs/generated", ".", "accounts"])
def test_folder_overlapping_a_protected_one_is_refused(tmp_path: Path, target: str) -> None:
    for name in ("docs", "accounts"):
        (tmp_path / name).mkdir()
    with pytest.raises(WriteRefused, match="which is never written into"):
        write_folder(tmp_path / target, {MARKER: b""}, MARKER, force=True, protected=[tmp_path / "docs", tmp_path / "accounts"])
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["accounts", "docs"]


def test_failed_folder_write_leaves_the_old_folder_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out"
    write_folder(target, {"page.md": b"old", MARKER: b""}, MARKER)
    real = os.replace

    def broken(source: Path, destination: Path) -> None:
        if Path(source).name.endswith(".tmp"):
            raise OSError("disk full")
        real(source, destination)

    monkeypatch.setattr("kamdocs.core.files.os.replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_folder(target, {"page.md": b"new", MARKER: b""}, MARKER, force=True)
    assert (target / "page.md").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
