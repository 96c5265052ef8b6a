"""Writing output files and folders: atomically, and never over an existing one without force."""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path


class WriteRefused(Exception):
    """The file exists and force was not given, its folder does not exist, or it cannot be written."""


def _umask() -> int:
    # the only portable way to read the umask is to set it; it is set back at once
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode(path: Path) -> int:
    """The permissions a plain open(path, "w") would leave: the file's own when it exists, else 0666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def write_atomic(path: Path, content: bytes | str, force: bool = False) -> None:
    """Write to a temporary file beside `path`, then rename it over: a reader sees the old file or the new one.

    A symbolic link stays a link: with force, the file it points to gets the new content.
    """
    if (path.exists() or path.is_symlink()) and not force:
        raise WriteRefused(f"{path}: exists; use --force to overwrite it")
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if not path.parent.is_dir():
        raise WriteRefused(f"{path.parent}: no such folder")
    if path.is_dir():
        raise WriteRefused(f"{path}: is a folder")
    data = content.encode("utf-8") if isinstance(content, str) else content
    mode = _mode(path)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise WriteRefused(f"{path.parent}: cannot write here: {err.strerror or err}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), mode)
        os.replace(temporary, path)
    except OSError as err:
        Path(temporary).unlink(missing_ok=True)
        raise WriteRefused(f"{path}: cannot write: {err.strerror or err}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_folder(folder: Path, files: Mapping[str, bytes], marker: str, force: bool = False, protected: Sequence[Path] = ()) -> None:
    """Write a whole folder at once: into a new folder beside it, which then takes its place (a reader never sees
    half of it, and a file left from an earlier run cannot survive in it). A folder holding anything is replaced only
    with force, and only when the file `marker` (one of `files`) shows that it was written this way; a folder that
    is, holds or lies inside one of `protected` is never written."""
    target = folder.resolve()
    for path in protected:
        kept = path.resolve()
        if target == kept or kept in target.parents or target in kept.parents:
            raise WriteRefused(f"{folder}: overlaps {path}, which is never written into; give a folder of its own, such as build/site")
    if folder.exists():
        if not folder.is_dir():
            raise WriteRefused(f"{folder}: exists and is not a folder")
        if any(folder.iterdir()):
            if not force:
                raise WriteRefused(f"{folder}: exists; use --force to replace it")
            if not (folder / marker).is_file():
                raise WriteRefused(f"{folder}: holds files this command did not write (no {marker}); give a new or empty folder")
    folder.parent.mkdir(parents=True, exist_ok=True)
    stem = f".{folder.name}.{secrets.token_hex(6)}"
    temporary, old = folder.parent / f"{stem}.tmp", folder.parent / f"{stem}.old"
    temporary.mkdir()
    try:
        for name, data in files.items():
            path = temporary / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if not folder.exists():
            os.replace(temporary, folder)
            return
        os.replace(folder, old)
        try:
            os.replace(temporary, folder)
        except BaseException:
            os.replace(old, folder)
            raise
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    shutil.rmtree(old)
