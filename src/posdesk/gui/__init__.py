"""PosDesk's PySide6 GUI: the only code that imports Qt.

Screens receive a typed `posdesk.backend.Backend` and import from posdesk only the GUI, the
domain and posdesk.backend (tests/gui/test_backend.py checks it). One package per area:

    pyside_feature_check.py  PySide6's per-import check without caching sources
    app.py          entry point (cli imports posdesk.gui.app): application, window, start-up
    formatting.py   money, dates, outcome sentences, Stripe codes in words
    messages.py     message ids from the layers below, in the UI language
    common/         background work (workers), error words, lazy tables, icons and styles
    customers/      search, the customer page, saved cards, new customer
    payments/       charge and card-entry dialogs, the card page's web view, result panel,
                    amount entry, payments table, outcome_view (one wording per outcome)
    settings/       settings dialog, its store and terminal panels, keyring help
    shell/          main window, sync status and bridge, the window's controllers
"""

from posdesk.gui import pyside_feature_check

# Before anything else loads: every module imported from here on is checked by PySide6.
pyside_feature_check.install()
