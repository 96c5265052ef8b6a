"""Writing output files: atomically, and never over an existing file without force."""

from __future__ import annotations

import os
import stat
import tempfile
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
