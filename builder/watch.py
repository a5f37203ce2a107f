"""Waking ``diagnum serve`` when a watched file changes: Linux's inotify if it is there, else a poll.

The watcher's truth is always a snapshot of the files' dates and sizes (``snapshot``): a change is
a different snapshot. What this module adds is *when* to look. Polling every 0.1 s cost an editor
50 ms on average before the rebuild could even start, and a scan of every file ten times a second;
inotify (standard library, through ctypes) wakes the loop within a millisecond of a save and costs
nothing while the editor reads. Where inotify cannot be used (another system, too many watches,
a file system without it), the loop polls as before. Either way a slow safety poll remains, so an
event that inotify misses (a watched folder replaced wholesale) is still seen.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
import struct
import time
from pathlib import Path

POLL_SECONDS = 0.1      # without inotify: how often the files' dates are read
SAFETY_SECONDS = 1.0    # with inotify: a snapshot anyway, this often
SETTLE_SECONDS = 0.02   # a save is often several writes (or a write and a rename): let them land

# inotify(7) constants.
_IN_MODIFY, _IN_ATTRIB, _IN_CLOSE_WRITE = 0x2, 0x4, 0x8
_IN_MOVED_FROM, _IN_MOVED_TO, _IN_CREATE, _IN_DELETE = 0x40, 0x80, 0x100, 0x200
_IN_DELETE_SELF, _IN_MOVE_SELF, _IN_ISDIR = 0x400, 0x800, 0x40000000
_IN_NONBLOCK, _IN_CLOEXEC = 0o4000, 0o2000000
_MASK = (_IN_MODIFY | _IN_ATTRIB | _IN_CLOSE_WRITE | _IN_MOVED_FROM | _IN_MOVED_TO | _IN_CREATE
         | _IN_DELETE | _IN_DELETE_SELF | _IN_MOVE_SELF)
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len; then the name, len bytes


Snapshot = dict[Path, tuple[int, int]]


def snapshot(paths: list[Path]) -> Snapshot:
    """Every file under ``paths`` with its modification time and size."""
    stamps: Snapshot = {}
    for base in paths:
        for path in base.rglob("*") if base.is_dir() else ():
            try:
                stat = path.stat()
            except OSError:
                continue  # removed between listing and reading
            if not path.is_dir():
                stamps[path] = (stat.st_mtime_ns, stat.st_size)
    return stamps


class _Inotify:
    """The folders under some roots, watched by one inotify descriptor (Linux only)."""

    def __init__(self, roots: list[Path]) -> None:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        self._add_watch = libc.inotify_add_watch
        self._add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        self.fd = libc.inotify_init1(_IN_NONBLOCK | _IN_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        self.folders: dict[int, Path] = {}
        try:
            for root in roots:
                if root.is_dir():
                    self.watch_tree(root)
        except OSError:
            self.close()
            raise

    def watch_tree(self, folder: Path) -> None:
        for path in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
            wd = self._add_watch(self.fd, os.fsencode(path), _MASK)
            if wd < 0:
                error = ctypes.get_errno()
                if error == 2:  # ENOENT: removed meanwhile
                    continue
                raise OSError(error, f"inotify_add_watch {path}")
            self.folders[wd] = path

    def wait(self, timeout: float, wake: int) -> None:
        """Return once something happened in a watched folder (its events read and forgotten),
        after ``timeout`` seconds, or as soon as ``wake`` is readable."""
        ready, _, _ = select.select([self.fd, wake], [], [], timeout)
        if self.fd not in ready:
            return
        deadline = time.monotonic() + 5 * SETTLE_SECONDS
        while True:
            self._drain()
            left = min(SETTLE_SECONDS, deadline - time.monotonic())
            if left <= 0 or self.fd not in select.select([self.fd, wake], [], [], left)[0]:
                return

    def _drain(self) -> None:
        while True:
            try:
                data = os.read(self.fd, 64 * 1024)
            except BlockingIOError:
                return
            offset = 0
            while offset < len(data):
                wd, mask, _cookie, size = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size:offset + _EVENT.size + size].rstrip(b"\0")
                offset += _EVENT.size + size
                folder = self.folders.get(wd)
                if folder is not None and mask & _IN_ISDIR and mask & (_IN_CREATE | _IN_MOVED_TO):
                    with contextlib.suppress(OSError):  # the safety poll still sees it
                        self.watch_tree(folder / os.fsdecode(name))

    def close(self) -> None:
        os.close(self.fd)


class Watcher:
    """Tells when the files under ``paths`` differ from what they were at the last look."""

    def __init__(self, paths: list[Path], before: Snapshot | None = None) -> None:
        self.paths = paths
        self.before = snapshot(paths) if before is None else before
        self._stopping = False
        self._wake_read, self._wake_write = os.pipe()
        try:
            self._inotify: _Inotify | None = _Inotify(paths)
        except (OSError, AttributeError):  # not Linux, no libc, or out of watches
            self._inotify = None

    @property
    def instant(self) -> bool:
        """Whether a change wakes the watcher at once (inotify) rather than at the next poll."""
        return self._inotify is not None

    def wait(self) -> bool | None:
        """Wait for the next look (a change seen by inotify, the safety poll, or the poll's
        period), then compare the files: True if they changed, False if not, None once
        ``close()`` was called."""
        if self._inotify is not None:
            self._inotify.wait(SAFETY_SECONDS, self._wake_read)
        else:
            select.select([self._wake_read], [], [], POLL_SECONDS)
        if self._stopping:
            return None
        now = snapshot(self.paths)
        if now == self.before:
            return False
        self.before = now
        return True

    def close(self) -> None:
        """Stop: a ``wait()`` in progress returns None at once."""
        if self._stopping:
            return
        self._stopping = True
        os.write(self._wake_write, b"x")

    def release(self) -> None:
        """Give back the descriptors, once the thread that waits is done with them."""
        if self._inotify is not None:
            self._inotify.close()
            self._inotify = None
        for fd in (self._wake_read, self._wake_write):
            os.close(fd)
        self._wake_read = self._wake_write = -1
