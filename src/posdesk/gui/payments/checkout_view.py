"""The locked-down web view that shows the checkout page (Stripe's Payment Element).

What it allows, and why:
- TLS to the loopback checkout server with exactly the install's certificate (pinned by its
  SHA-256 fingerprint); every other certificate error is fatal. Live Stripe.js only runs on
  HTTPS pages, so test, demo and live all take this same path. The view's profile trusts that
  one certificate (Qt 6.10's additional trusted certificates): Chromium then verifies the
  page without a certificate error, instead of failing the handshake, logging "handshake
  failed ... net_error -202" on the console and asking the pin check to let it through. The
  certificate is a leaf for 127.0.0.1 and localhost only (not a CA), so it vouches for
  nothing else; the pin check stays as the guard for any other certificate.
- Main-frame navigation only to the checkout page and its return URL, Stripe's domains, and
  the sandbox standing in for Stripe in demo and tests. Sub-frames are free (3D Secure pages
  of the customer's bank live there). New windows are refused.
- A private, off-the-record profile: no cookies, cache or storage left on disk. No local file
  access, no plugins, no windows opened by script; developer tools only with --debug.
- The page talks to the app only through one QWebChannel object, `bridge` (see
  posdesk.card_page.protocol): it asks once for its configuration (the publishable key and
  one client secret) and reports states back.
- Colors: each page is minted with the scheme shown at that moment (card_page_theme.py), so
  a page loaded after a switch, the warm-up spare's next page included, never has the old
  one's; a switch while a page is open restyles it over the bridge (`restyle`).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QFile, QIODevice, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QShortcut
from PySide6.QtNetwork import QSsl, QSslCertificate
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEngineCertificateError,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineProfileBuilder,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QWidget

from posdesk.backend import (
    STRIPE_JS_URL,
    CheckoutServer,
    PageReport,
    ReportError,
    fingerprint,
    fingerprint_matches,
    origin_of,
    parse_report,
)
from posdesk.gui.common import theme
from posdesk.gui.payments.card_page_theme import page_theme

log = logging.getLogger(__name__)

QWEBCHANNEL_JS = ":/qtwebchannel/qwebchannel.js"
STRIPE_HOST = "stripe.com"

_shared_profile: QWebEngineProfile | None = None
# Profiles that trust one checkout certificate, by its fingerprint. An app has one (the
# install's certificate); a test run makes one per test certificate.
_trusting_profiles: dict[str, QWebEngineProfile] = {}


def _private(profile: QWebEngineProfile) -> QWebEngineProfile:
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    profile.setSpellCheckEnabled(False)
    return profile


def checkout_profile(certificate: bytes | None = None) -> QWebEngineProfile:
    """The profile of checkout pages: off the record (Chromium keeps nothing of it on disk)
    and used by nothing else in PosDesk.

    With `certificate` (DER), a profile that trusts exactly that certificate besides the
    system's CAs, so the loopback page loads without a certificate error. Without one (or on
    a Qt before 6.10), Qt's default profile, where the pin check accepts the certificate.
    Profiles live as long as the application: QtWebEngine cannot release a profile while a
    page of it still exists, and views outlive their dialogs (the warm-up spare)."""
    global _shared_profile
    if certificate is not None and hasattr(QWebEngineProfileBuilder,
                                           "setAdditionalTrustedCertificates"):
        pin = fingerprint(certificate)
        profile = _trusting_profiles.get(pin)
        if profile is None:
            builder = QWebEngineProfileBuilder()
            builder.setAdditionalTrustedCertificates(
                QSslCertificate.fromData(certificate, QSsl.EncodingFormat.Der))
            profile = _private(builder.createProfile("", QApplication.instance()))
            if not profile.isOffTheRecord():  # pragma: no cover - "" means off the record
                raise RuntimeError("the checkout profile would keep data on disk")
            _trusting_profiles[pin] = profile
        return profile
    if _shared_profile is None:
        profile = QWebEngineProfile.defaultProfile()
        if not profile.isOffTheRecord():  # pragma: no cover - only if Qt changes its default
            profile = QWebEngineProfile(QApplication.instance())
        _shared_profile = _private(profile)
    return _shared_profile


def _qwebchannel_source() -> str:
    resource = QFile(QWEBCHANNEL_JS)
    if not resource.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("qwebchannel.js is missing from the Qt installation")
    try:
        return bytes(resource.readAll().data()).decode("utf-8")
    finally:
        resource.close()


def without_query(url: str) -> str:
    """A URL fit for a log line: the query and fragment can carry a client secret."""
    return url.split("#", 1)[0].split("?", 1)[0]


def main_frame_allowed(url: str, server: CheckoutServer, extra_origins: tuple[str, ...]) -> bool:
    """Where the checkout's main frame may go: our page, Stripe, the sandbox (demo/tests)."""
    if server.is_checkout_url(url):
        return True
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme == "https" and (host == STRIPE_HOST or host.endswith("." + STRIPE_HOST)):
        return True
    try:
        return origin_of(url) in extra_origins
    except ValueError:
        return False


class CheckoutBridge(QObject):
    """The one object the page sees. `config()` answers once per page load."""

    proceed = Signal(str)
    restyle = Signal(str)  # the page's theme again (JSON), after the app's scheme switched
    reported = Signal(object)  # PageReport
    rejected = Signal(str)  # a message that was not a valid report (why)
    dropped = Signal()  # a report came while unarmed (a warm-up page's "could not start")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config: Callable[[], str] | None = None
        self._served = False
        self._live = False  # between pages (and on a warm-up page) reports are dropped
        # Everything handed to the page, for tests that prove what the page may see.
        self.transcript: list[str] | None = None

    def arm(self, config: Callable[[], str]) -> None:
        self._config = config
        self._served = False
        self._live = True

    def disarm(self) -> None:
        self._config = None
        self._live = False

    @Slot(result=str)
    def config(self) -> str:
        if self._config is None or self._served:
            return ""  # the page shows "could not start"; a second ask gets nothing
        self._served = True
        text = self._config()
        self._config = None
        if self.transcript is not None:
            self.transcript.append(text)
        return text

    @Slot(str)
    def report(self, text: str) -> None:
        if not self._live:
            self.dropped.emit()
            return
        try:
            parsed = parse_report(text)
        except ReportError as exc:
            log.warning("checkout page sent an invalid report: %s", exc)
            self.rejected.emit(str(exc))
            return
        self.reported.emit(parsed)

    def answer(self, ok: bool, message: str | None = None) -> None:
        payload: dict[str, object] = {"ok": ok}  # JSON for the page
        if message:
            payload["message"] = message
        text = json.dumps(payload)
        if self.transcript is not None:
            self.transcript.append(text)
        self.proceed.emit(text)

    def send_theme(self, value: dict[str, object]) -> None:
        text = json.dumps(value)
        if self.transcript is not None:
            self.transcript.append(text)
        self.restyle.emit(text)


class _RequestRecorder(QWebEngineUrlRequestInterceptor):
    def __init__(self, sink: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sink = sink

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802
        self._sink.append(info.requestUrl().toString())


class CheckoutPage(QWebEnginePage):
    navigation_blocked = Signal(str)
    certificate_rejected = Signal(str)
    window_refused = Signal()

    def __init__(
        self,
        profile: QWebEngineProfile,
        server: CheckoutServer,
        extra_origins: tuple[str, ...],
        pin: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(profile, parent)
        self._server = server
        self._pin = pin
        self._extra_origins = extra_origins
        self.blocked: list[str] = []
        self.certificateError.connect(self._on_certificate_error)
        settings = self.settings()
        A = QWebEngineSettings.WebAttribute
        for attribute, on in (
            (A.LocalContentCanAccessFileUrls, False),
            (A.LocalContentCanAccessRemoteUrls, False),
            (A.JavascriptCanOpenWindows, False),
            (A.JavascriptCanAccessClipboard, False),
            (A.JavascriptCanPaste, False),
            (A.PluginsEnabled, False),
            (A.PdfViewerEnabled, False),
            (A.FullScreenSupportEnabled, False),
            (A.ScreenCaptureEnabled, False),
            (A.AllowWindowActivationFromJavaScript, False),
            (A.LocalStorageEnabled, True),  # Stripe.js keeps its session id there
            (A.JavascriptEnabled, True),
        ):
            settings.setAttribute(attribute, on)
        script = QWebEngineScript()
        script.setName("qwebchannel")
        script.setSourceCode(_qwebchannel_source())
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        script.setRunsOnSubFrames(False)  # bank and Stripe frames never see the bridge
        self.scripts().insert(script)

    def _on_certificate_error(self, error: QWebEngineCertificateError) -> None:
        url = error.url()
        chain = error.certificateChain()
        leaf = bytes(chain[0].toDer().data()) if chain else b""
        if (
            leaf
            and url.scheme() == "https"
            and url.host() == "127.0.0.1"
            and fingerprint_matches(leaf, self._pin)
        ):
            error.acceptCertificate()
            return
        log.warning("checkout: certificate refused for %s (%s)", url.host(),
                    error.type().name)
        error.rejectCertificate()
        self.certificate_rejected.emit(without_query(url.toString()))

    def acceptNavigationRequest(  # noqa: N802
        self, url: QUrl | str, type: QWebEnginePage.NavigationType, isMainFrame: bool  # noqa: A002, N803
    ) -> bool:
        if not isMainFrame:
            return True  # 3D Secure pages of the bank, Stripe's own frames
        text = url.toString() if isinstance(url, QUrl) else str(url)
        if text == "about:blank" or main_frame_allowed(text, self._server, self._extra_origins):
            return True
        # Never log the query: return URLs carry the client secret.
        shown = without_query(text)
        log.warning("checkout: navigation to %s blocked", shown)
        self.blocked.append(shown)
        self.navigation_blocked.emit(shown)
        return False

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:  # noqa: N802
        self.window_refused.emit()
        return None

    def javaScriptConsoleMessage(  # noqa: N802
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str,
        line: int, source: str,
    ) -> None:
        # Page messages may quote a client secret: only their level reaches the log.
        log.debug("checkout page console (%s)", level.name)


class CheckoutView(QWebEngineView):
    """Shows one checkout page at a time. `start(flow, make_config)` mints a one-time URL;
    the page's reports arrive on `reported` (PageReport) on the GUI thread."""

    reported = Signal(object)
    navigation_blocked = Signal(str)
    certificate_rejected = Signal(str)

    def __init__(
        self,
        server: CheckoutServer,
        *,
        stripe_js_url: str = STRIPE_JS_URL,
        debug: bool = False,
        record_traffic: bool = False,
        pinned_fingerprint: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`pinned_fingerprint`: the certificate to accept; by default the one the app's own
        checkout server was given (the install's certificate)."""
        super().__init__(parent)
        self.server = server
        self.stripe_js_url = stripe_js_url
        js_origin = origin_of(stripe_js_url)
        extra = () if js_origin == origin_of(STRIPE_JS_URL) else (js_origin,)
        pin = pinned_fingerprint or server.cert.sha256_fingerprint
        # The profile trusts the server's certificate only when that is the pinned one: a
        # view pinned to another certificate must see the server's as an error and refuse it.
        trusted = server.cert.der if fingerprint_matches(server.cert.der, pin) else None
        self.checkout_page = CheckoutPage(checkout_profile(trusted), server, extra, pin, self)
        self.setPage(self.checkout_page)
        self.bridge = CheckoutBridge(self)
        self.channel = QWebChannel(self.checkout_page)
        self.channel.registerObject("bridge", self.bridge)
        self.checkout_page.setWebChannel(self.channel, QWebEngineScript.ScriptWorldId.MainWorld)
        self.bridge.reported.connect(self.reported)
        self.checkout_page.navigation_blocked.connect(self.navigation_blocked)
        self.checkout_page.certificate_rejected.connect(self.certificate_rejected)
        self.debug = debug
        if debug:
            shortcut = QShortcut(QKeySequence("F12"), self)
            shortcut.activated.connect(self.open_dev_tools)
        else:
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.requested_urls: list[str] | None = None
        if record_traffic:
            self.record_traffic()
        self.page_token: str | None = None
        self.preloaded = False
        self.flow: str | None = None
        self.started_at: float | None = None
        self._dev_tools: QWebEngineView | None = None
        theme.notifier().changed.connect(self._scheme_changed)

    def record_traffic(self) -> None:
        """Keep everything handed to the page and every URL it requests (for tests)."""
        if self.requested_urls is not None:
            return
        self.bridge.transcript = []
        self.requested_urls = []
        self._recorder = _RequestRecorder(self.requested_urls, self)
        self.checkout_page.setUrlRequestInterceptor(self._recorder)

    def preload(self) -> None:
        """Load a checkout page that gets no configuration: the render process, the pinned
        TLS connection and Stripe.js are then ready for the real page. Its reports are
        dropped (the bridge is not armed)."""
        self.stop_page()
        url = self.server.new_page_url("payment", theme=self._theme_now())
        self.page_token = self.server.page_token_of(url)
        self.preloaded = False
        # Ready to hand over once its page has asked for a configuration, been refused and
        # said so (the report dropped), not merely loaded: a page still connecting would ask
        # after the next card entry armed the bridge and take that entry's configuration,
        # and a refusal still on its way would arrive as that entry's report.
        self.bridge.dropped.connect(self._preload_finished)
        self.setUrl(QUrl(url))

    @Slot()
    def _preload_finished(self) -> None:
        self.bridge.dropped.disconnect(self._preload_finished)
        self.preloaded = True

    def start(self, flow: str, make_config: Callable[[str], str]) -> None:
        """Load a fresh checkout page for `flow`; `make_config(return_url)` builds the JSON
        the page gets, called only when the page asks."""
        self.stop_page()
        url = self.server.new_page_url(flow, theme=self._theme_now())
        token = self.server.page_token_of(url)
        self.page_token, self.flow = token, flow
        return_url = self.server.return_url(token)
        self.bridge.arm(lambda: make_config(return_url))
        self.started_at = time.monotonic()
        self.setUrl(QUrl(url))

    def _theme_now(self) -> dict[str, object]:
        """The scheme shown, for the page about to load; the view's own background (seen
        until the page paints) matches it."""
        chosen = page_theme()
        self.checkout_page.setBackgroundColor(QColor(chosen["colors"]["page"]))
        return chosen

    @Slot(str)
    def _scheme_changed(self, _scheme: str) -> None:
        # The open page (or the spare's) takes the new colors without a reload.
        self.bridge.send_theme(self._theme_now())

    def stop_page(self) -> None:
        """Forget the current page: its tokens are revoked and the bridge answers nothing."""
        self.bridge.disarm()
        if self.page_token is not None:
            self.server.revoke(self.page_token)
            self.page_token = None

    def proceed(self, ok: bool, message: str | None = None) -> None:
        self.bridge.answer(ok, message)

    def run_js(self, script: str, callback: Callable[[object], None] | None = None) -> None:
        if callback is None:
            self.checkout_page.runJavaScript(script, 0)
        else:
            self.checkout_page.runJavaScript(script, 0, callback)

    def open_dev_tools(self) -> QWebEngineView | None:
        """Developer tools for the checkout page, only when PosDesk runs with --debug."""
        if not self.debug:
            return None
        if self._dev_tools is None:
            self._dev_tools = QWebEngineView()
            self._dev_tools.page().setInspectedPage(self.checkout_page)
        self._dev_tools.show()
        return self._dev_tools

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.stop_page()
        super().closeEvent(event)


# -- warm-up: one spare view, preloaded, handed to the next card entry --------------------------
# The spare costs a Chromium render process (well over 100 MB): it is prepared when a card
# entry is likely (a customer was opened, a card entry just ended) and released once it has
# waited SPARE_IDLE_RELEASE_MS unused.

SPARE_IDLE_RELEASE_MS = 120_000

_spare: CheckoutView | None = None
_warm_args: tuple[CheckoutServer, str, bool] | None = None
_idle_timer: QTimer | None = None


def _restart_idle_timer() -> None:
    global _idle_timer
    if _idle_timer is None:
        _idle_timer = QTimer(QApplication.instance())
        _idle_timer.setSingleShot(True)
        _idle_timer.timeout.connect(release)
    _idle_timer.start(SPARE_IDLE_RELEASE_MS)


def warm_up(server: CheckoutServer, *, stripe_js_url: str = STRIPE_JS_URL,
            debug: bool = False) -> CheckoutView:
    """Prepare a hidden checkout view on `server` with a preloaded page, so the next card
    entry skips the engine's start-up, the render process and the first TLS connection.
    After each card entry a new spare is prepared the same way. Asking again while a spare
    waits keeps it (and its idle time starts over). GUI thread only."""
    global _spare, _warm_args
    _warm_args = (server, stripe_js_url, debug)
    _restart_idle_timer()
    if _spare is not None and _spare.server is server:
        return _spare
    if _spare is not None:
        _spare.deleteLater()
    view = CheckoutView(server, stripe_js_url=stripe_js_url, debug=debug)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    # Shown (off screen) but no window of the user's: closing the main window must still
    # end the app.
    view.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
    view.resize(640, 560)
    view.show()  # off screen: Chromium lays out and paints only shown views
    view.preload()
    _spare = view
    return view


def rewarm() -> None:
    """Prepare the next spare view, if the app warms up at all."""
    if _warm_args is not None and _spare is None:
        server, stripe_js_url, debug = _warm_args
        try:
            server.port  # noqa: B018 - raises once the server is stopped
        except RuntimeError:
            return
        warm_up(server, stripe_js_url=stripe_js_url, debug=debug)


def release() -> bool:
    """Drop the spare view (its page and render process end with it) and stop preparing new
    ones until warm_up is asked again. True when there was one."""
    global _spare, _warm_args
    if _idle_timer is not None:
        _idle_timer.stop()
    _warm_args = None
    view, _spare = _spare, None
    if view is None:
        return False
    view.stop_page()
    view.close()
    view.deleteLater()
    log.debug("card entry spare view released after %d s idle", SPARE_IDLE_RELEASE_MS // 1000)
    return True


def is_warm() -> bool:
    return _spare is not None and _spare.preloaded


def take_view(
    server: CheckoutServer,
    *,
    stripe_js_url: str = STRIPE_JS_URL,
    debug: bool = False,
    record_traffic: bool = False,
    parent: QWidget | None = None,
) -> CheckoutView:
    """The spare view when it fits (same server and script origin) and its page has loaded,
    else a new one."""
    global _spare
    view = _spare
    # A spare still loading its page (a customer was opened a moment ago) stays the spare:
    # that page asks the bridge for its configuration once it loads, and must not be served
    # the configuration meant for this card entry's page.
    if (
        view is not None and view.preloaded and view.server is server
        and view.stripe_js_url == stripe_js_url and view.debug == debug
    ):
        _spare = None
        if _idle_timer is not None:
            _idle_timer.stop()  # in use now; rewarm after this card entry restarts it
        view.hide()
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
        view.setParent(parent)
    else:
        view = CheckoutView(server, stripe_js_url=stripe_js_url, debug=debug, parent=parent)
    if record_traffic:
        view.record_traffic()
    return view


def report_summary(report: PageReport) -> str:
    """A log-safe line about a report (ids and codes only)."""
    code = report.error.code if report.error else None
    return f"{report.flow}:{report.state} intent={report.intent_id} code={code}"


__all__ = [
    "CheckoutBridge",
    "CheckoutPage",
    "CheckoutView",
    "checkout_profile",
    "is_warm",
    "main_frame_allowed",
    "release",
    "report_summary",
    "rewarm",
    "take_view",
    "warm_up",
]
