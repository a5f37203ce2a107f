"""Parsed content files cached on their text, in memory and optionally on disk (like Pelican's cache).

Parsing YAML is most of a build's time; an editor changes one file at a time. The key is the
file's text plus the parser's own source and arguments, so a changed file, or a changed parser,
is parsed again and nothing stale can be served. A hit in memory returns the very object parsed
before, with no copy (copying was most of an editor's rebuild): the parser hands out read-only
results (``yamlfile.LDict``/``LList`` refuse changes), so a loader cannot change the next build's
input. The disk keeps pickles, for the next process.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=32)
def _code_stamp(function: Callable) -> str:
    """Whatever decides a parse result besides the text: the source of every module in the
    parser's package (it may call helpers of its neighbours) and PyYAML's version."""
    import yaml

    digest = hashlib.sha256()
    try:
        folder = Path(inspect.getsourcefile(function) or "").parent
        for source in sorted(folder.glob("*.py")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    except (OSError, TypeError):
        pass
    return (f"{function.__module__}.{function.__qualname__}:{digest.hexdigest()[:16]}:"
            f"{yaml.__version__}:{yaml.__with_libyaml__}")


class ParseCache:
    """Results of a parse function keyed on (function, arguments, text); errors stay in memory.

    At most ``limit`` results stay in memory, the least recently used leaving first, so a long
    ``diagnum serve`` session does not keep every past version of every file.
    """

    limit = 4096

    def __init__(self) -> None:
        self.memory: dict[str, Any] = {}
        self.errors: dict[str, BaseException] = {}
        self.directory: Path | None = None
        self.hits = self.misses = 0
        self._keys: dict[tuple[int, str], tuple[str, str]] = {}

    def key(self, function: Callable, text: str, kwargs: dict[str, Any]) -> str:
        head = f"{_code_stamp(function)}|{sorted(kwargs.items())!r}|"
        # The very string hashed last time (``yamlfile.read_text`` hands out the same object
        # for an unchanged file) need not be hashed again; the entry holds it, so its id
        # cannot be reused by another string meanwhile.
        known = self._keys.get((id(text), head))
        if known is not None and known[0] is text:
            return known[1]
        key = hashlib.sha256(head.encode() + text.encode("utf-8", "surrogatepass")).hexdigest()
        if len(self._keys) > self.limit:
            self._keys.clear()
        self._keys[(id(text), head)] = (text, key)
        return key

    def get(self, function: Callable, text: str, **kwargs: Any) -> Any:
        key = self.key(function, text, kwargs)
        if key in self.errors:
            self.hits += 1
            raise self.errors[key].with_traceback(None)
        if key in self.memory:
            self.hits += 1
            value = self.memory[key]
            self._remember(key, value)
            return value
        blob = self._read_disk(key) if self.directory is not None else None
        if blob is not None:
            self.hits += 1
            value = pickle.loads(blob)
            self._remember(key, value)
            return value
        self.misses += 1
        try:
            value = function(text, **kwargs)
        except Exception as exc:
            self.errors[key] = exc
            while len(self.errors) > self.limit:
                del self.errors[next(iter(self.errors))]
            raise
        self._remember(key, value)
        if self.directory is not None:
            self._write_disk(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        return value

    def _remember(self, key: str, value: Any) -> None:
        self.memory.pop(key, None)
        self.memory[key] = value  # the most recently used last
        while len(self.memory) > self.limit:
            del self.memory[next(iter(self.memory))]

    def clear(self) -> None:
        self.memory.clear()
        self.errors.clear()
        self._keys.clear()

    def _read_disk(self, key: str) -> bytes | None:
        try:
            blob = (self.directory / f"{key}.pickle").read_bytes()
        except OSError:
            return None
        return blob

    def _write_disk(self, key: str, blob: bytes) -> None:
        """Best effort: a cache that cannot be written only makes the next cold build slower."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            partial = self.directory / f"{key}.{os.getpid()}.partial"
            partial.write_bytes(blob)
            partial.replace(self.directory / f"{key}.pickle")
        except OSError:
            pass


PARSED = ParseCache()


def parsed(function: Callable, text: str, **kwargs: Any) -> Any:
    """``function(text, **kwargs)``, computed once per distinct text (see ``PARSED``)."""
    return PARSED.get(function, text, **kwargs)


def use_disk(directory: Path | None) -> None:
    """Also keep parse results in ``directory`` (``.cache/parsed``), across processes."""
    PARSED.directory = directory


class BuildMemo:
    """Results of one step keyed on the objects it read, kept from one build to the next.

    The parse cache hands out the same read-only object for an unchanged file, so whatever was
    computed from that object alone (a loaded challenge, its text checks) can be reused when the
    next build meets the very same object. Keys are object identities, checked with ``is`` on a
    hit (the entry holds its objects, so no identity is reused while it lives). An entry lives
    while builds use it: what one build did not ask for is dropped at the next, so a long
    ``diagnum serve`` session keeps one build's worth.
    """

    def __init__(self) -> None:
        self.current: dict[tuple, tuple[tuple, Any]] = {}
        self.previous: dict[tuple, tuple[tuple, Any]] = {}

    def next_build(self) -> None:
        self.previous, self.current = self.current, {}

    @staticmethod
    def _key(objects: tuple, extra: tuple) -> tuple:
        return tuple(id(o) for o in objects) + extra

    def get(self, objects: tuple, extra: tuple = ()) -> Any | None:
        key = self._key(objects, extra)
        entry = self.current.get(key) or self.previous.get(key)
        if entry is None or any(a is not b for a, b in zip(entry[0], objects, strict=True)):
            return None
        self.current[key] = entry
        return entry[1]

    def put(self, objects: tuple, extra: tuple, value: Any) -> None:
        self.current[self._key(objects, extra)] = (objects, value)
