"""What one account contributes to the site, made in a worker process: its pages and its summary."""

from __future__ import annotations

from dataclasses import dataclass

from kamdocs.figures.deadlines import Deadline
from kamdocs.figures.figure import Figure
from kamdocs.figures.portfolio import Row
from kamdocs.render.pages.render import RenderedPage


@dataclass(frozen=True, slots=True)
class AccountSummary:
    account: str
    name: str
    tier: str
    year: int
    pages: dict[str, RenderedPage]
    row: Row
    events: tuple[Deadline, ...]
    ics: bytes
    """The events as iCalendar, to join into the site's calendar."""
    failing: tuple[str, ...]
    """Messages of the gates the current plan fails (those the edition may show)."""
    position: tuple[Figure, Figure] | None = None
    """The key-account score and the health score: the account's place in the portfolio matrix."""
