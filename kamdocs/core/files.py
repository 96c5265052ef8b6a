"""Writing output files and folders: atomically, and never over an existing one without force."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path


class WriteRefused(Exception):
    """The file exists and force was not given, or its folder does not exist."""


def write_atomic(path: Path, content: bytes | str, force: bool = False) -> None:
    """Write to a temporary file beside `path`, then rename it over: a reader sees the old file or the new one."""
    if path.exists() and not force:
        raise WriteRefused(f"{path}: exists; use --force to overwrite it")
    if not path.parent.is_dir():
        raise WriteRefused(f"{path.parent}: no such folder")
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
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
