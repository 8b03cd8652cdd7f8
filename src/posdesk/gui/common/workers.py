"""Run slow work (network, queries) off the GUI thread and hand the answer back on it.

A `Job` lives in the GUI thread; its callable runs on a QThreadPool worker. The worker emits
private signals on the job, and because the job's thread is the GUI thread Qt queues those
emissions, so `succeeded`, `failed` and `progress` always fire on the GUI thread.

Screens start work with an `Op` (as Anki's CollectionOp/QueryOp):

    runner.op(lambda: customers.detach_card(staff, cid, pid)).success(self._removed).run()

A failure goes to the runner's one error presenter (the window's status bar) unless the
screen asks for it with `.failure(...)`, so no failure is ever silently dropped and no
screen writes its own "something went wrong".
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


class FailurePresenter(Protocol):
    """Where failures nobody handles are shown (gui.common.error_words.ErrorPresenter)."""

    def present(self, exc: BaseException, fallback: str | None = None) -> None: ...


class Job(QObject):
    """One piece of work. Connect to the public signals; they fire on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(object)
    finished = Signal()  # after succeeded or failed

    _result_ready = Signal(object)
    _error_ready = Signal(object)
    _progress_ready = Signal(object)

    def __init__(self, fn: Callable[..., Any], *, wants_reporter: bool, parent: QObject) -> None:
        super().__init__(parent)
        self._fn = fn
        self._wants_reporter = wants_reporter
        self._stop_requested = False
        self.done = False
        self._result_ready.connect(self._deliver_result)
        self._error_ready.connect(self._deliver_error)
        self._progress_ready.connect(self.progress)

    # Called on the worker thread.
    def report(self, value: Any) -> None:
        """Thread-safe progress report from inside the callable."""
        # RuntimeError: the job was deleted with its window; nobody is listening.
        with contextlib.suppress(RuntimeError):
            self._progress_ready.emit(value)

    def stop_requested(self) -> bool:
        return self._stop_requested

    def request_stop(self) -> None:
        self._stop_requested = True

    def _run(self) -> None:
        try:
            result = self._fn(self) if self._wants_reporter else self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure is reported to the GUI
            try:
                self._error_ready.emit(exc)
            except RuntimeError:
                log.debug("job finished after its owner was closed")
            return
        try:
            self._result_ready.emit(result)
        except RuntimeError:
            log.debug("job finished after its owner was closed")

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        self.done = True
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _deliver_error(self, exc: object) -> None:
        self.done = True
        if not isinstance(exc, Exception):
            log.error("background job stopped: %r", exc)
        self.failed.emit(exc)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._job._run()
        finally:
            # The worker's last use of the job asks for its deletion, which the GUI thread
            # carries out after delivering the answer posted before it: deleting it from the
            # delivery instead could free it while this thread is still inside emit().
            # RuntimeError: it went already, with its runner (the window closed).
            with contextlib.suppress(RuntimeError):
                self._job.deleteLater()


class TaskRunner(QObject):
    """Starts jobs on a thread pool. Jobs are children of the runner, which keeps them (and
    their signals) alive until they finish."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        # Set by the main window; without one (a dialog tested alone) failures are logged.
        self.presenter: FailurePresenter | None = None

    def op(self, fn: Callable[[], T]) -> Op[T]:
        """Background work with the default failure path; chain .success(...) and .run()."""
        return Op(self, fn)

    def progress_op(self, fn: Callable[[Job], T]) -> Op[T]:
        """Long work that reports progress: `fn(job)` calls `job.report(...)`; chain
        .progress(...) to show it."""
        return Op(self, fn, wants_reporter=True)

    def present_failure(self, exc: BaseException, fallback: str | None = None) -> None:
        """The default failure path of an op."""
        if self.presenter is not None:
            self.presenter.present(exc, fallback)
        else:
            log.warning("background work failed: %s", type(exc).__name__)

    def submit(
        self,
        fn: Callable[..., Any],
        *,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        wants_reporter: bool = False,
    ) -> Job:
        """Run `fn()` (or `fn(job)` with `wants_reporter`) on a worker thread."""
        job = Job(fn, wants_reporter=wants_reporter, parent=self)
        if on_result is not None:
            job.succeeded.connect(on_result)
        if on_error is not None:
            job.failed.connect(on_error)
        if on_progress is not None:
            job.progress.connect(on_progress)
        self._pool.start(_Runnable(job))
        return job

    def wait_for_done(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)


class LatestOnly(QObject):
    """Type-ahead helper: at most one query runs; while it runs only the newest request
    waits, and a result is delivered only if no newer request was made since."""

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._generation = 0
        self._running = False
        self._pending: tuple[int, Callable[[], Any], Callable[[Any], None],
                             Callable[[BaseException], None] | None] | None = None

    @property
    def busy(self) -> bool:
        return self._running or self._pending is not None

    def submit(
        self,
        fn: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._generation += 1
        self._pending = (self._generation, fn, on_result, on_error)
        if not self._running:
            self._start_pending()

    def _start_pending(self) -> None:
        if self._pending is None:
            return
        generation, fn, on_result, on_error = self._pending
        self._pending = None
        self._running = True

        def deliver(result: Any) -> None:
            self._running = False
            if generation == self._generation:
                on_result(result)
            self._start_pending()

        def fail(exc: BaseException) -> None:
            self._running = False
            if generation == self._generation and on_error is not None:
                on_error(exc)
            self._start_pending()

        self._runner.submit(fn, on_result=deliver, on_error=fail)


class Op(Generic[T]):
    """One piece of background work, built up before it runs (see the module docstring)."""

    def __init__(
        self, runner: TaskRunner, fn: Callable[[], T] | Callable[[Job], T], *,
        wants_reporter: bool = False,
    ) -> None:
        self._runner = runner
        self._fn = fn
        self._wants_reporter = wants_reporter
        self._on_progress: Callable[[Any], None] | None = None
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._fallback: str | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        """Called with the result, on the GUI thread."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        """The screen handles failures itself; the default presenter stays out."""
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[Any], None]) -> Op[T]:
        """Called with each value the work reports (progress_op), on the GUI thread."""
        self._on_progress = callback
        return self

    def fallback(self, text: str) -> Op[T]:
        """What the default presenter says for an error without words of its own."""
        self._fallback = text
        return self

    def run(self) -> Job:
        fallback = self._fallback
        on_failure = self._on_failure or (
            lambda exc: self._runner.present_failure(exc, fallback))
        return self._runner.submit(
            self._fn, on_result=self._on_success, on_error=on_failure,
            on_progress=self._on_progress, wants_reporter=self._wants_reporter,
        )


def run_op(
    runner: TaskRunner,
    fn: Callable[[], T],
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> Job:
    """`runner.op(fn).success(on_success).failure(on_failure).run()` in one call."""
    op = runner.op(fn)
    if on_success is not None:
        op.success(on_success)
    if on_failure is not None:
        op.failure(on_failure)
    return op.run()
