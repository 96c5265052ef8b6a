"""A new plan from the template: every section present, guiding comments in English or German, valid as written."""

from __future__ import annotations

import json
from importlib import resources
from string import Template


def new_plan_text(account: str, year: int, name: str, owner: str, language: str) -> str:
    template = resources.files("kamdocs.history.templates").joinpath(f"plan.{language}.yaml").read_text(encoding="utf-8")
    # JSON strings are YAML strings: names with quotes, colons or a leading dash stay text
    return Template(template).safe_substitute(
        account=account, year=year, name=json.dumps(name, ensure_ascii=False), owner=json.dumps(owner, ensure_ascii=False)
    )
