"""Parsed content files cached on their text, in memory and optionally on disk (like Pelican's cache).

Parsing YAML is most of a build's time; an editor changes one file at a time. The key is the
file's text plus the parser's own source and arguments, so a changed file, or a changed parser,
is parsed again and nothing stale can be served. Each hit returns a fresh copy (unpickled), so a
loader that modifies what it reads cannot change the next build's input.
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
        self.memory: dict[str, bytes] = {}
        self.errors: dict[str, BaseException] = {}
        self.directory: Path | None = None
        self.hits = self.misses = 0

    def key(self, function: Callable, text: str, kwargs: dict[str, Any]) -> str:
        head = f"{_code_stamp(function)}|{sorted(kwargs.items())!r}|".encode()
        return hashlib.sha256(head + text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, function: Callable, text: str, **kwargs: Any) -> Any:
        key = self.key(function, text, kwargs)
        if key in self.errors:
            self.hits += 1
            raise self.errors[key].with_traceback(None)
        blob = self.memory.get(key)
        if blob is None and self.directory is not None:
            blob = self._read_disk(key)
        if blob is not None:
            self.hits += 1
            self._remember(key, blob)
            return pickle.loads(blob)
        self.misses += 1
        try:
            value = function(text, **kwargs)
        except Exception as exc:
            self.errors[key] = exc
            while len(self.errors) > self.limit:
                del self.errors[next(iter(self.errors))]
            raise
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._remember(key, blob)
        if self.directory is not None:
            self._write_disk(key, blob)
        return value

    def _remember(self, key: str, blob: bytes) -> None:
        self.memory.pop(key, None)
        self.memory[key] = blob  # the most recently used last
        while len(self.memory) > self.limit:
            del self.memory[next(iter(self.memory))]

    def clear(self) -> None:
        self.memory.clear()
        self.errors.clear()

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
