"""The names behind the ids a plan refers to: a team member, a contact, a goal, a buying unit."""

from __future__ import annotations

from typing import Any

Names = dict[str, dict[str, str]]
"""x-kam-ref (the list an id comes from) -> id -> the name a reader knows it by."""


def names_in(plan: dict[str, Any]) -> Names:
    return {
        "team": {m["id"]: m["name"] for m in plan.get("team", [])},
        "contacts": {c["id"]: c["name"] for c in plan.get("contacts", [])},
        "goals": {g["id"]: g["title"] for g in plan.get("goals", [])},
        "account.buying_units": {u["id"]: u["name"] for u in plan.get("account", {}).get("buying_units", [])},
    }
