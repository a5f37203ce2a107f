"""The dev server's watcher: inotify wakes it at once on Linux, a poll elsewhere; the files'
snapshot is the truth either way."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from builder import watch as watching


def _write_later(path, text: str, delay: float = 0.2) -> threading.Thread:
    thread = threading.Thread(target=lambda: (time.sleep(delay), path.write_text(text)))
    thread.start()
    return thread


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_inotify_wakes_the_watcher_without_waiting_for_the_safety_poll(tmp_path, monkeypatch):
    monkeypatch.setattr(watching, "SAFETY_SECONDS", 30)
    (tmp_path / "a.yaml").write_text("un")
    watcher = watching.Watcher([tmp_path])
    try:
        assert watcher.instant
        writer = _write_later(tmp_path / "a.yaml", "deux")
        started = time.monotonic()
        assert watcher.wait() is True
        assert time.monotonic() - started < 10  # woken by the write, not by the 30 s poll
        writer.join()
        # A folder made after the start is watched too, and so are the files put in it.
        (tmp_path / "nouveau").mkdir()
        assert watcher.wait() in (True, False)  # the folder alone holds no file yet
        writer = _write_later(tmp_path / "nouveau" / "b.md", "texte")
        started = time.monotonic()
        assert watcher.wait() is True
        assert time.monotonic() - started < 10
        writer.join()
    finally:
        watcher.close()
        watcher.release()


def test_close_ends_a_wait_at_once(tmp_path, monkeypatch):
    monkeypatch.setattr(watching, "SAFETY_SECONDS", 30)
    monkeypatch.setattr(watching, "POLL_SECONDS", 30)
    watcher = watching.Watcher([tmp_path])
    outcome = []
    thread = threading.Thread(target=lambda: outcome.append(watcher.wait()))
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    watcher.close()
    thread.join(timeout=10)
    assert outcome == [None] and time.monotonic() - started < 10
    watcher.release()


def test_without_inotify_the_watcher_polls(tmp_path, monkeypatch):
    def unavailable(_roots):
        raise OSError(24, "too many watches")

    monkeypatch.setattr(watching, "_Inotify", unavailable)
    (tmp_path / "a.yaml").write_text("un")
    watcher = watching.Watcher([tmp_path])
    try:
        assert not watcher.instant
        assert watcher.wait() is False
        (tmp_path / "a.yaml").write_text("deux, plus long")
        assert watcher.wait() is True
        assert watcher.wait() is False  # the change is seen once
        (tmp_path / "a.yaml").unlink()
        assert watcher.wait() is True
    finally:
        watcher.close()
        watcher.release()
