"""PySide6's check of every imported module, without keeping every module's source in memory.

Once PySide6 is loaded it looks at each module imported after it, to learn whether the module
uses PySide6 (for its `__feature__` switches: snake_case, true_property). It does that with
`inspect.getsource(module)`, which reads the whole file through `linecache` and keeps it there:
after PosDesk's start-up that is the source of some 900 modules, about 35 MB of strings held
for the life of the process (bench/memory.py). The same question is answered here by reading
the file's bytes once and keeping nothing; the answer, and so PySide6's behaviour, is the same.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)

# Where PySide6 keeps the check (its embedded support package, loaded with PySide6).
_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def module_uses_pyside(module: ModuleType) -> bool:
    """Whether the module's source mentions PySide6: PySide6's own test, minus the cache.
    A module without a readable source file (built in, frozen, bundled) does not, as for
    `inspect.getsource`, which fails on those."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Swap PySide6's check for `module_uses_pyside`; False (and nothing changed) where this
    PySide6 has no such check."""
    import PySide6  # noqa: F401  (loads the support package that holds the check)

    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, _CHECK, None)):
        log.debug("PySide6 has no %s.%s; left as it is", _FEATURE_MODULE, _CHECK)
        return False
    setattr(feature, _CHECK, module_uses_pyside)
    return True
