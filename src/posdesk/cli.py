"""`posdesk` command line: the GUI, the demo, the sandbox, keyring management and the audit
trail's check."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import shutil
import sys
import tempfile
import threading
import types
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from posdesk.file_privacy import restrict_data_dir, restrict_new_files

if TYPE_CHECKING:
    from posdesk.app_context import AppContext
    from posdesk.sandbox.in_process import SeedingSandbox
    from posdesk.system_libraries import MissingLibraries

log = logging.getLogger("posdesk")


class _LoadedOnFirstUse(types.ModuleType):
    """Stands in sys.modules for a library until the first use of one of its names, which
    imports it for real (once, under a lock: that first use is often on a worker thread).

    For `stripe`: importing it loads its HTTP stack (requests, and aiohttp for an async client
    PosDesk never uses), a few hundred milliseconds that start-up need not wait for. The
    gateway keeps its plain `import stripe` and uses it only inside functions, so the real
    import happens with the first request to Stripe, off the GUI thread."""

    _lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:  # only for names not set here: all of them
        if name.startswith("__") and name != "__path__":
            # Tools look modules over (PySide's import hook asks for __wrapped__, __file__):
            # that is no use of the library. __path__ is: a submodule is being imported.
            raise AttributeError(name)
        with self._lock:
            module = sys.modules.get(self.__name__)
            if module is self or module is None:
                sys.modules.pop(self.__name__, None)
                with _not_importable(*NEVER_WITH.get(self.__name__, ())):
                    module = importlib.import_module(self.__name__)
                # Modules that imported the stand-in keep it: give it the real names, so
                # their later uses are plain attribute reads, not this lookup.
                self.__dict__.update(
                    (key, value) for key, value in vars(module).items() if key != "__name__"
                )
        return getattr(module, name)


# Libraries a module picks up only if they are installed, which PosDesk never uses: stripe
# resolves its async HTTP client when it is imported (stripe/_http_client.py: httpx, then
# aiohttp), and aiohttp costs about 75 ms and 10 MB. Without them stripe settles on its
# NoImportFoundAsyncClient; the gateway's requests are sync (RequestsClient) anyway.
NEVER_WITH: dict[str, tuple[str, ...]] = {"stripe": ("aiohttp", "httpx")}


@contextmanager
def _not_importable(*names: str) -> Iterator[None]:
    """`import name` raises ImportError inside the block (a None entry in sys.modules);
    modules already imported stay as they are."""
    blocked = [name for name in names if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def load_on_first_use(name: str) -> None:
    """Let `import name` return a stand-in that imports the module at its first use; no-op
    when the module is already imported."""
    if name not in sys.modules:
        sys.modules[name] = _LoadedOnFirstUse(name)


# The composition root decides what loads when: before any import of the gateway.
load_on_first_use("stripe")

SECRET_NAMES = ("stripe-secret-key", "stripe-publishable-key", "stripe-webhook-secret")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="posdesk", description="Point of sale and back office for shops using Stripe."
    )
    parser.add_argument(
        "--demo", action="store_true",
        help="run against a built-in sandbox with sample data in a throwaway directory",
    )
    parser.add_argument(
        "--store", metavar="URL",
        help="with --demo: the store to use instead of a throwaway SQLite file, e.g. "
        "postgresql://user@host/posdesk shared by several demo terminals",
    )
    parser.add_argument(
        "--sandbox-url", metavar="URL",
        help="with --demo: join this running sandbox (posdesk sandbox --seed demo) instead of "
        "starting one, so several demo terminals see one Stripe account",
    )
    parser.add_argument("--debug", action="store_true", help="verbose logging, web developer tools")
    from posdesk import __version__  # argparse prints it and exits: no Qt, no display needed

    parser.add_argument("--version", action="version", version=f"PosDesk {__version__}")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("sandbox", add_help=False, help="run the Stripe-compatible sandbox server")
    sub.add_parser("relay", add_help=False, help="keep the store in step with Stripe, headless")
    secrets = sub.add_parser("secrets", help="manage the keys kept in the OS keyring")
    secrets.add_argument("action", choices=["set", "delete", "status"])
    secrets.add_argument("name", nargs="?", choices=SECRET_NAMES)
    audit = sub.add_parser("audit", help="check the tamper-evident audit trail, share its key")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser(
        "verify", help="check every entry of this terminal's store: exit 0 intact, "
        "1 tampered (the first bad entry is named), 3 not everything could be checked",
    )
    audit_key = audit_sub.add_parser(
        "key", help="export the store's audit key (one line), or import it from standard input"
    )
    audit_key.add_argument("key_action", choices=["export", "import"])
    return parser


def main(argv: list[str] | None = None) -> int:
    # Before anything is written: data, logs and exports are the user's alone.
    restrict_new_files()
    argv = list(sys.argv[1:] if argv is None else argv)
    # The sandbox and the relay have their own options; hand them everything after the word.
    if argv and argv[0] == "sandbox":
        from posdesk.sandbox.cli import run as run_sandbox

        return run_sandbox(argv[1:])
    if argv and argv[0] == "relay":
        from posdesk.relay_cli import run as run_relay

        return run_relay(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "secrets":
        return secrets_command(args.action, args.name)
    if args.command == "audit":
        return audit_command(args.audit_command, getattr(args, "key_action", None))
    if not args.demo and (args.store or args.sandbox_url):
        parser.error("--store and --sandbox-url go with --demo; a terminal's own store is "
                     "chosen in Settings (or POSDESK_DATABASE_URL)")
    store_url = None
    if args.store:
        from posdesk.services.store_setup import StoreUrlProblem, store_url_for_demo

        try:
            store_url = store_url_for_demo(args.store)
        except StoreUrlProblem as exc:
            parser.error(f"--store: {exc.explanation}")
    return run_app(
        demo=args.demo, debug=args.debug, store_url=store_url, sandbox_url=args.sandbox_url
    )


def secrets_command(action: str, name: str | None) -> int:
    from posdesk.services.secret_store import KeyringUnavailable, SecretStore

    store = SecretStore()
    try:
        if action == "status":
            for secret_name, is_set in store.status().items():
                print(f"{secret_name}: {'set' if is_set else 'not set'}")
            return 0
        if name is None:
            names = ", ".join(SECRET_NAMES)
            print(f"posdesk secrets {action}: name one of {names}", file=sys.stderr)
            return 2
        if action == "delete":
            store.delete(name)
            print(f"{name}: deleted")
            return 0
        try:
            value = _read_secret(name)
        except UnicodeDecodeError:  # bytes that are no text in this terminal's encoding
            print("The input is not text; the keyring was not changed.", file=sys.stderr)
            return 2
        if not value:
            print("Nothing was read; the keyring was not changed.", file=sys.stderr)
            return 2
        store.set(name, value)
        print(f"{name}: set")
        return 0
    except KeyringUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except ValueError as exc:  # a value of the wrong shape; the message never holds the value
        print(f"{exc} The keyring was not changed.", file=sys.stderr)
        return 2


def audit_command(command: str, key_action: str | None) -> int:
    """`posdesk audit verify` and `posdesk audit key export|import` on this terminal's store
    (chosen as the app chooses it) with this terminal's keyring and remembered heads."""
    from posdesk import paths
    from posdesk.services.audit_trail import (
        AuditKeyProblem,
        export_key,
        import_key,
        keep_store_chain,
        verify_store,
    )
    from posdesk.services.secret_store import KeyringUnavailable, SecretStore
    from posdesk.settings import Settings
    from posdesk.store.database import default_database_url, open_store

    data_dir = paths.data_dir()
    restrict_data_dir(data_dir)
    settings = Settings.load(paths.settings_file(data_dir))
    url = (
        os.environ.get(paths.ENV_DATABASE_URL)
        or settings.database_url
        or default_database_url(data_dir)
    )
    secrets = SecretStore()
    store = open_store(url)
    try:
        if command == "verify":
            result = verify_store(store, keep_store_chain(store, secrets, data_dir))
            print(result.summary)
            # Intact: one line; what is worth knowing besides goes to standard error.
            notes_to = sys.stdout if result.exit_code else sys.stderr
            for note in result.notes:
                print(f"  {note}", file=notes_to)
            return result.exit_code
        if key_action == "export":
            line = export_key(store, secrets)
            print("Keep this line secret: with it and the database, anyone can rewrite the "
                  "audit trail unnoticed.", file=sys.stderr)
            print(line)
            return 0
        key_id, warning = import_key(store, secrets, _read_secret("audit key"))
        print(f"audit key {key_id}: imported")
        if warning:
            print(warning, file=sys.stderr)
        return 0
    except KeyringUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except AuditKeyProblem as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        store.close()


def _read_secret(name: str) -> str:
    import getpass

    try:
        if sys.stdin.isatty():
            return getpass.getpass(f"{name} (input hidden): ").strip()
        return sys.stdin.readline().strip()
    except EOFError:  # Ctrl+D at the prompt
        return ""


def run_app(
    *, demo: bool, debug: bool, store_url: str | None = None, sandbox_url: str | None = None
) -> int:
    if (missing := _missing_system_libraries()) is not None:
        return _say_missing(missing)
    if demo:
        return _run_demo(debug, store_url=store_url, sandbox_url=sandbox_url)
    from posdesk import paths

    data_dir = paths.data_dir()
    # Files an older version created readable by others are narrowed before use.
    restrict_data_dir(data_dir)
    from posdesk.gui import app as gui_app

    # The window first, in this terminal's language (a small JSON read); the store, the
    # services and the screens load behind it.
    from posdesk.settings import Settings

    gui_app.show_starting_window(Settings.load(paths.settings_file(data_dir)).language)

    def build() -> AppContext:
        _behind_the_window(data_dir, debug)
        from posdesk.app_context import build_context
        from posdesk.services.secret_store import SecretStore

        context = build_context(data_dir=data_dir, secrets=SecretStore())
        context.debug = debug
        _load_main_window()
        return context

    try:
        try:
            context = gui_app.build_while_showing(build)
        except _MissingAtStart as exc:
            return _say_missing(exc.missing)
        try:
            if gui_app.start_abandoned():
                return 0
            return gui_app.run_gui(context)
        finally:
            context.close()
    finally:
        gui_app.discard_starting_window()


class _MissingAtStart(Exception):
    """A system library the web view needs is missing (found behind the starting window)."""

    def __init__(self, missing: MissingLibraries) -> None:
        super().__init__(missing.failed)
        self.missing = missing


def _say_missing(missing: MissingLibraries) -> int:
    from posdesk.system_libraries import EXIT_MISSING_LIBRARIES

    print(missing.message(), file=sys.stderr)
    return EXIT_MISSING_LIBRARIES


def _behind_the_window(data_dir: Path, debug: bool) -> None:
    """Start-up steps that need not delay the first window (on the start-up worker): the
    log file, and whether the web view's system libraries load."""
    from posdesk import paths
    from posdesk.logging_setup import configure_logging
    from posdesk.process_memory import give_back_large_blocks, share_arenas

    share_arenas()
    give_back_large_blocks()
    configure_logging(paths.log_dir(data_dir) / "posdesk.log", debug=debug)
    if (missing := _missing_web_view_libraries()) is not None:
        raise _MissingAtStart(missing)


def _load_main_window() -> None:
    """Import the main window's modules (on the start-up worker thread: importing defines
    classes and creates no widget), so the GUI thread only builds it."""
    import posdesk.gui.shell.main_window  # noqa: F401


def _missing_system_libraries() -> MissingLibraries | None:
    """Before any Qt import or QApplication: a missing library would otherwise end the
    process with Qt's abort and a core dump, or an ImportError traceback."""
    from posdesk.system_libraries import check_xcb_plugin, explain_import_error

    if (missing := check_xcb_plugin()) is not None:
        return missing
    try:
        import posdesk.gui.app  # noqa: F401  (loads QtWidgets; the web view loads later)
    except ImportError as exc:
        if (missing := explain_import_error(exc)) is None:
            raise
        return missing
    return None


def _missing_web_view_libraries() -> MissingLibraries | None:
    """QtWebEngine itself loads only when card entry is first prepared; that it will load is
    checked at start (behind the starting window), by its system libraries, so a missing one
    is named at start, not later."""
    from posdesk.system_libraries import (
        GUI_LIBRARIES,
        MissingLibraries,
        apt_newer_names,
        unloadable,
    )

    if sys.platform.startswith("linux") and (absent := unloadable(GUI_LIBRARIES)):
        return MissingLibraries("Qt's widgets and web view", tuple(absent),
                                apt_newer_names(absent))
    return None


def _run_demo(debug: bool, *, store_url: str | None, sandbox_url: str | None) -> int:
    """The full app against a seeded sandbox, in a throwaway data directory and keyring;
    `store_url` and `sandbox_url` let several demo terminals share a store and a sandbox."""
    from posdesk.gui import app as gui_app

    data_dir = Path(tempfile.mkdtemp(prefix="posdesk-demo-"))
    try:
        # The window first; the store, the services and the screens load behind it.
        gui_app.show_starting_window()
        with ExitStack() as opened:

            def build() -> AppContext:
                spawned: dict[str, SeedingSandbox] = {}
                if sandbox_url is None:
                    # First once the window is up (before, its start would compete with the
                    # window's): the sandbox seeds its customers on a thread of its own while
                    # this one loads the app; the demo's context waits for it.
                    from posdesk.sandbox.in_process import SeedingSandbox

                    spawned["starting"] = SeedingSandbox()
                try:
                    _behind_the_window(data_dir, debug)
                except _MissingAtStart:
                    if "starting" in spawned:
                        spawned["starting"].stop()
                    raise
                import posdesk.demo

                context = opened.enter_context(posdesk.demo.demo_context(
                    data_dir, store_url=store_url, sandbox_url=sandbox_url, **spawned))
                context.debug = debug
                _load_main_window()
                return context

            try:
                context = gui_app.build_while_showing(build)
            except _MissingAtStart as exc:
                return _say_missing(exc.missing)
            if gui_app.start_abandoned():
                return 0
            return gui_app.run_gui(context)
    finally:
        gui_app.discard_starting_window()
        logging.shutdown()
        shutil.rmtree(data_dir, ignore_errors=True)
