"""Check many files: cached verdicts first, then the rest in this process or in a pool of processes.

``check_files`` is what ``check`` calls. Its output is the same list of
``FileResult`` in the same order whatever ``jobs`` is: files are cut into
chunks that shrink toward the end, each chunk is checked by this process or by
one of ``jobs - 1`` workers, and the chunks' results are put back in order.
This process checks the first file before the workers are forked, so that they
inherit compiled patterns. Workers send back plain tuples
(``validator.engine.plain``), not pickled model objects, without the source
texts the output will not quote, and write their own cache entries.

Workers are forked on Linux when this process runs a single thread (they then
inherit the loaded plugins, the compiled grammar and patterns, and start in
milliseconds); otherwise they are spawned, and the initializer builds the
validator again from the picklable ``factory``, once per worker. Workers
ignore Ctrl-C: the parent stops them, drops what is queued and re-raises, so a
run stops with one exit code (130) and no traceback from each worker.
A worker that dies (out of memory) ends the run with one line and exit 2.

A few files are checked in this process: a pool only pays for itself when each
worker gets several files (``MIN_FILES_PER_WORKER``).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from validator.engine.cache import ResultCache, largest_cached_file, regular_file_bytes
from validator.engine.plain import (
    Encoder,
    PlainFile,
    SharedResults,
    decode,
    has_error,
    quotes_source,
    without_source,
)
from validator.errors import ValidatorError
from validator.model import FileResult

if TYPE_CHECKING:
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    from validator.engine.pipeline import Validator

MIN_FILES_PER_WORKER = 4
MAX_CHUNK = 32
ValidatorFactory = Callable[[], "Validator"]
Task = tuple[str, "str | None"]  # (path, cache key)


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        return max(1, os.process_cpu_count() or 1)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def settings_text(validator: Validator, path: str) -> str:
    """What the cache key must know of the settings for ``path`` (a checklist file: its content)."""
    settings = validator.settings_for(path)
    checklist = ""
    choice = validator.choice_named(settings.checklist)  # auto and none are choices, not files
    named = choice.checklist if choice is not None else None
    if named is not None and settings.checklist not in validator.registry.checklists:
        checklist = repr(named)
    return f"{settings!r}\x00{validator.fingerprints}\x00{checklist}"


def check_files(
    validator: Validator,
    paths: Sequence[str],
    *,
    jobs: int = 1,
    factory: ValidatorFactory | None = None,
    cache: ResultCache | None = None,
    progress: TextIO | None = None,
    start_method: str | None = None,
    every_source: bool = True,
) -> list[FileResult]:
    """Every file's verdict in the order of ``paths``; unreadable files carry their ``error``.

    ``start_method`` forces ``fork`` or ``spawn`` (for tests); by default workers are
    forked when that is safe, else spawned. ``every_source`` False: a file checked by a
    worker comes back with its source text only when one of its failures has a place
    (``plain.quotes_source``), as the cache gives it (``ResultCache.every_source``).
    """
    results: list[FileResult | None] = [None] * len(paths)
    todo: list[tuple[int, Task]] = []
    readable = frozenset(validator.registry.readers) | {""}
    largest = largest_cached_file()
    for index, path in enumerate(paths):
        key = None
        # Only files a reader will read are hashed: a big file of another type is refused unread.
        if cache is not None and os.path.splitext(path)[1].lower() in readable:
            data = regular_file_bytes(path, largest)
            if data is not None:
                key = cache.key(path, settings_text(validator, path), data)
                results[index] = cache.get(key)
        if results[index] is None:
            todo.append((index, (path, key)))
    bar = Progress(progress, len(todo))
    workers = min(jobs, len(todo) // MIN_FILES_PER_WORKER)
    if workers > 1:
        tasks = [task for _, task in todo]
        checked = _in_pool(validator, factory, cache, tasks, workers, bar, start_method, every_source)
    else:
        checked = []
        for path, key in (task for _, task in todo):
            checked.append(_check_one(validator, cache, path, key))
            bar.advance(1)
    bar.close()
    for (index, _), result in zip(todo, checked, strict=True):
        results[index] = result
    return [result for result in results if result is not None]


def _check_one(validator: Validator, cache: ResultCache | None, path: str, key: str | None) -> FileResult:
    result = validator.check_path(path)
    if cache is not None and key is not None:
        cache.put(key, result)
    return result


# ---------------------------------------------------------------------------- the pool

_inherited: Validator | None = None  # set in the parent just before forking
_worker: tuple[Validator, ResultCache | None, Encoder] | None = None


def _in_pool(
    validator: Validator,
    factory: ValidatorFactory | None,
    cache: ResultCache | None,
    tasks: list[Task],
    workers: int,
    bar: Progress,
    start_method: str | None,
    every_source: bool,
) -> list[FileResult]:
    """Check ``tasks`` in this process and ``workers - 1`` worker processes, in order.

    This process is one of the ``workers``: it takes chunks from the same queue, and
    what it checks is neither encoded nor sent. It checks the first file before the
    workers are forked, so that they inherit a validator whose patterns are compiled
    (each would otherwise pay that one-time cost, about 20 ms, again).
    """
    # Imported here: most runs (one file from an editor or a hook) never start a pool.
    import multiprocessing
    import threading
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _inherited
    first = [_check_one(validator, cache, *tasks[0])]
    bar.advance(1)
    chunks = _chunks(tasks[1:], workers)
    if start_method is None:
        # fork only on Linux: macOS's system libraries are not fork-safe (its default is spawn)
        can_fork = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
        start_method = "fork" if can_fork and threading.active_count() == 1 else "spawn"
    forking = start_method == "fork"
    if not forking and factory is None:
        raise ValueError("a validator factory is needed to spawn worker processes")
    context = multiprocessing.get_context(start_method)
    _inherited = validator if forking else None
    executor = ProcessPoolExecutor(workers - 1, context, initializer=_start_worker, initargs=(factory, cache))
    try:
        pool = _Pool(executor, workers - 1, every_source, bar, deque(enumerate(chunks)))
        checked = pool.run(lambda chunk: [_check_one(validator, cache, *task) for task in chunk])
    except BrokenProcessPool:
        raise ValidatorError("检查进程意外退出（内存不足？可用 --jobs 1 重试）") from None
    except BaseException:  # Ctrl-C or a bug: stop the workers, drop what is queued, re-raise
        processes = list((getattr(executor, "_processes", None) or {}).values())
        for process in processes:
            process.terminate()
        for process in processes:  # gone before the pool's own exit handler looks at them
            process.join(timeout=5)
        executor.shutdown(wait=True, cancel_futures=True)  # its manager thread ends here, not at exit
        raise
    finally:
        _inherited = None
    executor.shutdown()
    return first + checked


def _chunks(tasks: list[Task], workers: int) -> list[list[Task]]:
    """Chunks that shrink toward the end (guided scheduling), so that no process waits long for the last."""
    chunks, start = [], 0
    while start < len(tasks):
        size = max(1, min(MAX_CHUNK, (len(tasks) - start) // (workers * 4)))
        chunks.append(tasks[start : start + size])
        start += size
    return chunks


class _Pool:
    """The queue of chunks shared by this process and the workers, and the results in chunk order.

    Each worker is kept two chunks ahead (one running, one waiting) so that it never waits for
    this process, which hands out chunks between its own.
    """

    def __init__(
        self,
        executor: ProcessPoolExecutor,
        processes: int,
        every_source: bool,
        bar: Progress,
        queue: deque[tuple[int, list[Task]]],
    ) -> None:
        self.executor, self.every_source, self.bar = executor, every_source, bar
        self.queue = queue
        self.done: list[list[FileResult] | None] = [None] * len(queue)
        self.ahead = 2 * processes
        self.sent: dict[Future[list[PlainFile]], int] = {}  # chunk index of each chunk sent
        self.shared: SharedResults = {}  # results alike across files, built once

    def run(self, check: Callable[[list[Task]], list[FileResult]]) -> list[FileResult]:
        """Every chunk's results in order: checked here with ``check``, or by a worker."""
        self._send()
        while self.queue:
            index, chunk = self.queue.popleft()
            self.done[index] = check(chunk)
            self.bar.advance(len(chunk))
            self._receive(timeout=0)
            self._send()
        while self.sent:
            self._receive(timeout=0.2)
        return [result for chunk in self.done if chunk is not None for result in chunk]

    def _send(self) -> None:
        """Top up the workers' chunks from the front of the queue, up to ``ahead`` in flight."""
        while self.queue and len(self.sent) < self.ahead:
            index, chunk = self.queue.popleft()
            self.sent[self.executor.submit(_check_chunk, chunk, self.every_source)] = index

    def _receive(self, timeout: float) -> None:
        """Decode the chunks the workers have finished, waiting up to ``timeout`` for one.

        Done as they arrive, between this process's own chunks, not all at the end, when
        the workers would have nothing left to do while this process decoded their results.
        """
        from concurrent.futures import FIRST_COMPLETED, wait

        for future in wait(self.sent, timeout=timeout, return_when=FIRST_COMPLETED).done:
            plain = future.result()
            self.done[self.sent.pop(future)] = [decode(file, self.shared) for file in plain]
            self.bar.advance(len(plain))


def _start_worker(factory: ValidatorFactory | None, cache: ResultCache | None) -> None:
    """Once per worker: ignore Ctrl-C (the parent handles it), and have a validator."""
    import gc
    import signal

    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()  # what the worker inherits stays: its collections need not walk it (nor touch its pages)
    validator = _inherited
    if validator is None:
        assert factory is not None
        validator = factory()
    _worker = (validator, cache, Encoder())


def _check_chunk(tasks: list[Task], every_source: bool) -> list[PlainFile]:
    """Check files in a worker; what is sent back leaves out source texts no output will quote."""
    assert _worker is not None
    validator, cache, encoder = _worker
    plain = []
    for path, key in tasks:
        result = validator.check_path(path)
        shown = every_source or quotes_source(result)
        if cache is None or key is None:
            plain.append(encoder.encode(result, source=shown))  # a text left out is never encoded
            continue
        encoded = encoder.encode(result)  # the cache keeps the text
        if not has_error(encoded):
            cache.put_plain(key, encoded)
        plain.append(encoded if shown else without_source(encoded))
    return plain


# ---------------------------------------------------------------------------- the progress bar


class Progress:
    """A one-line bar on ``stream`` when it is a terminal and the run takes more than half a second.

    No library: the bar is a dozen lines, while tqdm or rich would add an
    import (30-100 ms) to every run, most of which are too short to show one.
    """

    WIDTH = 30

    def __init__(self, stream: TextIO | None, total: int) -> None:
        self.stream = stream if stream is not None and _is_terminal(stream) else None
        self.total, self.done = total, 0
        self.started = time.monotonic()
        self.shown = False

    def advance(self, count: int) -> None:
        self.done += count
        if self.stream is None or not self.total or time.monotonic() - self.started < 0.5:
            return
        filled = self.WIDTH * self.done // self.total
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.stream is not None and self.shown:
            self.stream.write("\r" + " " * (self.WIDTH + 24) + "\r")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


__all__ = ["Progress", "available_cores", "check_files", "settings_text"]
