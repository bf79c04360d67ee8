"""Safe file writes: atomic where that is right, through links, never over a read-only file.

What `write_atomic` does with what it finds at the path:

- nothing, or a regular file with one link: a temporary file in the same folder,
  then one rename, so readers see the old file or the new one, never a part;
- a symbolic link (or a chain of them, or a link in a parent folder): the same,
  beside the file the link finally names, so the link stays a link and its
  target gets the new content;
- a regular file with several hard links: rewritten in place, through the
  existing inode, so every link sees the new content (a rename would split them);
  this write is not atomic;
- a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe):
  written to directly, never replaced;
- a read-only file (no write permission bit, or not writable by this user):
  refused with `PermissionError`, also for root;
- a folder, a socket or a block device: refused with `IsADirectoryError` or
  `PermissionError`.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from scenarios.errors import OptionError

__all__ = ["not_an_input", "same_file", "write_atomic"]


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether `a` and `b` name one existing file (also through symlinks and hard links).

    Examples:
        >>> same_file(__file__, __file__), same_file(__file__, "no/such/file")
        (True, False)
    """
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def not_an_input(
    output: str | os.PathLike[str] | None, *inputs: str | os.PathLike[str] | None
) -> None:
    """Refuse to write `output` when it is one of the `inputs` (also through links).

    Raises:
        OptionError: `output` names the same file as an input.

    Examples:
        >>> not_an_input("out.svg", "case.yaml")
        >>> not_an_input(__file__, __file__)
        Traceback (most recent call last):
        ...
        scenarios.errors.OptionError: refusing to write ...: it is the input ...; choose another ...
    """
    for given in inputs:
        if output and given and same_file(output, given):
            raise OptionError(
                f"refusing to write {os.fspath(output)}: it is the input {os.fspath(given)}; "
                "choose another output file"
            )


def _write_in_place(target: Path, data: bytes, *, truncate: bool) -> None:
    with open(target, "r+b" if truncate else "wb", buffering=0) as handle:
        view = memoryview(data)
        while view:
            view = view[handle.write(view) or 0 :]
        if truncate:
            handle.truncate()
            os.fsync(handle.fileno())


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` safely, as the module doc describes.

    The bytes go to a temporary file beside the target, are flushed to disk,
    and the temporary file is renamed over the target. On any failure the
    temporary file is removed and an earlier file at `path` is left intact.
    An existing file keeps its permissions; a new one gets the umask's.

    Raises:
        PermissionError: The file is read-only, or a socket or block device.
        IsADirectoryError: The path names a folder.
        FileNotFoundError: The folder it would be in does not exist (named as given).
    """
    target = Path(os.path.realpath(path))  # write through symlinks, to what they name
    try:
        found = os.stat(target)
    except FileNotFoundError:
        found = None
    if found is not None:
        kind = found.st_mode
        if stat.S_ISDIR(kind):
            raise IsADirectoryError(f"{path} is a folder, not a file: give a file name")
        if stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
            _write_in_place(target, data, truncate=False)
            return
        if not stat.S_ISREG(kind):
            raise PermissionError(f"{path} is not a regular file; not writing to it")
        if not kind & 0o222 or not os.access(target, os.W_OK):
            raise PermissionError(
                f"{path} is read-only; not overwriting it (make it writable, or write elsewhere)"
            )
        if found.st_nlink > 1:
            _write_in_place(target, data, truncate=True)
            return
    mode = found.st_mode & 0o777 if found is not None else _default_mode()
    if not target.parent.is_dir():  # named here: mkstemp would name its hidden temporary file
        raise FileNotFoundError(
            f"{path}: the folder {os.path.dirname(path) or '.'} does not exist; create it first"
        )
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
