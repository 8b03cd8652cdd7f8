"""Giving memory back to the system (glibc on Linux; elsewhere these do nothing).

Start-up and a released card page leave freed blocks inside malloc's arenas; glibc keeps
them resident until told otherwise. Both calls are cheap and ctypes releases the GIL while
glibc works, so `return_free_memory` may run on any thread.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

# glibc's mallopt parameters: blocks of at least this many bytes get their own mapping; at
# most this many arenas.
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
LARGE_BLOCK = 1 << 20
ARENAS = 2


def _glibc(name: str) -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function: Callable[..., int] = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):  # not glibc (musl has no such tuning)
        return None
    return function


def give_back_large_blocks() -> None:
    """With glibc, make blocks of LARGE_BLOCK and more their own mappings, returned to the
    system when freed. Left to itself glibc raises that threshold to the largest block
    freed so far: after a PIN hash (Argon2, 19 MiB) the next hashes come from a thread's
    arena, which keeps them resident for the life of the process (19 MiB per thread that
    hashed or checked a PIN)."""
    if (mallopt := _glibc("mallopt")) is not None:
        mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK)


def share_arenas() -> None:
    """With glibc, let all threads share ARENAS malloc arenas. By default each thread that
    allocates may get an arena of its own (up to eight per core), each keeping its own free
    blocks resident; Python threads allocate mostly under the GIL, one at a time, so the
    extra arenas add memory and no parallelism (2.5 MB less for the idle demo). Arenas made
    before the call stay; call it early."""
    if (mallopt := _glibc("mallopt")) is not None:
        mallopt(_M_ARENA_MAX, ARENAS)


def return_free_memory() -> None:
    """Hand the free pages inside malloc's arenas back to the system (malloc_trim)."""
    if (malloc_trim := _glibc("malloc_trim")) is not None:
        malloc_trim(0)
