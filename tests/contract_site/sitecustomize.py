"""Loaded by every Python process the test suite starts (tests/conftest.py puts this folder
on PYTHONPATH): what the app's gateway sends from a child process (a terminal killed
mid-charge, the relay) is checked against the pinned API version too."""

import os

if os.environ.get("POSDESK_CONTRACT_LOG"):
    import importlib.util
    import sys
    from pathlib import Path

    _path = Path(__file__).resolve().parents[1] / "stripe_contract.py"
    _spec = importlib.util.spec_from_file_location("posdesk_test_stripe_contract", _path)
    if _spec is not None and _spec.loader is not None:
        _module = importlib.util.module_from_spec(_spec)
        sys.modules[_spec.name] = _module
        _spec.loader.exec_module(_module)
        _module.record_to_file(os.environ["POSDESK_CONTRACT_LOG"])
