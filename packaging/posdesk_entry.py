"""PyInstaller's entry script: the bundle's executable is `posdesk` itself (the same
main as [project.scripts]), so `posdesk sandbox` and the other commands run from it."""

import os
import sys

# Windows' windowed PosDesk.exe has no console: Python then leaves a stream with no handle
# behind it as None (as pythonw does), and code that writes to it would fail. Streams the
# parent did hand over (a script that starts `posdesk sandbox` with pipes) are real and stay.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115

from posdesk.cli import main  # noqa: E402

raise SystemExit(main())
