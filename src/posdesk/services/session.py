"""Who is signed in at this terminal: one member of staff at a time, or nobody.

The screens read the acting member from here (`Backend.staff`) at the moment they act and
hand it to the services with each call, as before; with nobody signed in there is no
member to hand over (`NotSignedIn`), and the window shows only the sign-in page.

Locking the till keeps whose work is open underneath (`held_by`): the same person signing in
again continues it, anyone else starts afresh (the window closes what was open, so nobody
acts as someone else). "Switch user" is a lock that offers the list of people instead of the
last person's PIN pad. Every sign-in, lock, switch and sign-out is audited by the staff
service.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from posdesk.domain.messages import text
from posdesk.domain.roles import StaffMember
from posdesk.services.staff import StaffAccount, StaffService

# Lock after this long without input when the shop has not chosen (0 would be "never").
DEFAULT_IDLE_LOCK_S = 300

# Why a member's session ended, as the audit trail says it (StaffService.record_sign_out).
ENDED_LOCKED = "locked"
ENDED_IDLE = "idle"
ENDED_SWITCHED = "switched"
ENDED_SIGNED_OUT = "signed_out"

MESSAGE_NOT_SIGNED_IN = text(
    "session.not_signed_in", "Nobody is signed in. Sign in with your PIN first."
)


class NotSignedIn(Exception):
    """Something asked who is acting while nobody is signed in (the till is locked)."""

    def __init__(self) -> None:
        super().__init__(MESSAGE_NOT_SIGNED_IN)
        self.message = MESSAGE_NOT_SIGNED_IN


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A successful sign-in. `continues`: the same person who had the work when the till
    locked, so what was open goes on; otherwise the screens start afresh."""

    member: StaffMember
    continues: bool


class Session:
    """This terminal's sign-in state. Sign-in calls hash a PIN (tens of milliseconds): call
    them off the GUI thread. The rest is quick and may be called from any thread."""

    def __init__(
        self,
        staff: StaffService,
        idle_lock_s: Callable[[], int] = lambda: DEFAULT_IDLE_LOCK_S,
    ) -> None:
        self.staff = staff
        self._idle_lock_s = idle_lock_s
        self._lock = threading.Lock()
        self._member: StaffMember | None = None
        self._held_by: StaffMember | None = None
        # Demo stores only: the seeded people and their PINs, shown on the sign-in page.
        self.demo_pins: tuple[tuple[str, str], ...] = ()
        # Runs the audit write of a lock (`lock` is called on the GUI thread; signing in is
        # not, and audits in its own thread). The window hands its background
        # runner here: appending to the audit chain takes the store's write lock, which the
        # GUI thread must never wait for. Unset, the write happens in the caller's thread.
        self.defer_audit: Callable[[Callable[[], None]], None] | None = None

    # -- who is signed in -------------------------------------------------------------------

    @property
    def member(self) -> StaffMember | None:
        """The member signed in now, or None (locked, or nobody yet)."""
        return self._member

    @property
    def held_by(self) -> StaffMember | None:
        """Whose work stays open underneath while the till is locked, or None."""
        return self._held_by

    @property
    def locked(self) -> bool:
        return self._member is None and self._held_by is not None

    def current(self) -> StaffMember:
        """The member signed in now; NotSignedIn with nobody."""
        member = self._member
        if member is None:
            raise NotSignedIn
        return member

    def idle_lock_s(self) -> int:
        """Seconds without input before the till locks itself; 0: never. May read the store."""
        return max(0, int(self._idle_lock_s()))

    # -- signing in -------------------------------------------------------------------------

    def needs_first_manager(self) -> bool:
        return self.staff.needs_first_manager()

    def accounts(self) -> list[StaffAccount]:
        return self.staff.accounts()

    def create_first_manager(self, name: str, pin: str) -> SignedIn:
        """A new store's first manager, signed in (InputError when refused)."""
        return self._begin(self.staff.create_first_manager(name, pin))

    def sign_in(self, staff_id: str, pin: str) -> SignedIn:
        """Sign in with a PIN; SignInRefused (with how long to wait) otherwise."""
        return self._begin(self.staff.sign_in(staff_id, pin))

    def _begin(self, member: StaffMember) -> SignedIn:
        with self._lock:
            previous, held = self._member, self._held_by
            self._member, self._held_by = member, None
        if previous is not None and previous.id != member.id:
            self.staff.record_sign_out(previous, ENDED_SWITCHED)  # already off the GUI thread
        owner = previous or held
        return SignedIn(member, continues=owner is not None and owner.id == member.id)

    # -- ending -----------------------------------------------------------------------------

    def lock(self, reason: str = ENDED_LOCKED) -> StaffMember | None:
        """Lock the till: nobody acts until someone signs in; the open work stays, held for
        the member signed in now (returned; None if nobody was)."""
        with self._lock:
            member = self._member
            if member is None:
                return None
            self._member, self._held_by = None, member
        self._record_end(member, reason)
        return member

    def _record_end(self, member: StaffMember, reason: str) -> None:
        def record() -> None:
            self.staff.record_sign_out(member, reason)

        if self.defer_audit is None:
            record()
        else:
            self.defer_audit(record)

    def switch_user(self) -> StaffMember | None:
        """Lock for someone else to sign in (audited as a switch)."""
        return self.lock(ENDED_SWITCHED)

    def sign_out(self) -> None:
        """End the session (the app closes): nothing is held for anyone."""
        with self._lock:
            member, self._member, self._held_by = self._member, None, None
        if member is not None:
            self.staff.record_sign_out(member, ENDED_SIGNED_OUT)


__all__ = [
    "DEFAULT_IDLE_LOCK_S",
    "ENDED_IDLE",
    "ENDED_LOCKED",
    "ENDED_SIGNED_OUT",
    "ENDED_SWITCHED",
    "NotSignedIn",
    "Session",
    "SignedIn",
]
