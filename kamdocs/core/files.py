"""Writing output files: atomically, and never over an existing file without force."""

from __future__ import annotations

import os
import tempfile
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
