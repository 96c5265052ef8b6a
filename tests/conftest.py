from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from kamdocs.core.loader import Document, load_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMA = ROOT / "schema" / "account-plan.schema.json"
ACME = FIXTURES / "accounts" / "acme-tools" / "2026.yaml"
AS_OF = dt.date(2026, 11, 24)
CHROMIUM = os.environ.get("KAM_CHROMIUM", "/usr/bin/chromium")
SHOTS = ROOT / "build" / "screenshots"
"""Where the browser tests leave the screenshots for a person to look at."""
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def load_plan(path: Path = ACME) -> dict[str, Any]:
    loaded = load_file(path)
    assert isinstance(loaded, Document), loaded
    return copy.deepcopy(loaded.data)


def write_plan(folder: Path, data: dict[str, Any], account: str = "acme-tools", year: int | str = 2026) -> Path:
    path = folder / "accounts" / account / f"{year}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def example_assessments(year: int | None = None) -> list:
    """The example portfolio's assessments of `year` (default: each account's latest plan), as of AS_OF."""
    from functools import partial

    from kamdocs.core.config import load_config
    from kamdocs.figures.assessment import assess_year, prepare, summarise_accounts

    config = load_config(ROOT / "pyproject.toml").with_overrides(as_of=AS_OF)
    context, checked = prepare(config, ROOT)
    results, found = summarise_accounts(config, partial(assess_year, context=context, year=year), ROOT)
    assert checked.ok and all(r.ok for r in results)
    return sorted(found, key=lambda a: a.account)


def confidential_leaves(plan: dict[str, Any], patterns: list) -> list[Any]:
    """Every number and text under the confidential paths of a plan."""
    from kamdocs.core.rules import walk

    leaves: list[Any] = []
    for pattern in patterns:
        stack = [value for _, value in walk(plan, pattern)]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack += item.values()
            elif isinstance(item, list):
                stack += item
            elif not isinstance(item, bool):
                leaves.append(item)
    return leaves


@pytest.fixture
def acme() -> dict[str, Any]:
    """The valid fixture plan as data, to be changed by a test."""
    return load_plan()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A repository copy in tmp_path: pyproject.toml, schema and the acme fixture account."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    shutil.copytree(FIXTURES / "accounts", tmp_path / "accounts")
    return tmp_path


def make_reader(edition: str = "shared", language: str = "en", schema: Path = SCHEMA) -> Any:
    """A reader of the example schema's plans, as `kam` and the site make one from the options."""
    from kamdocs.core.confidentiality import Confidentiality
    from kamdocs.core.schema import load_schema
    from kamdocs.view.reader import Edition, Reader

    return Reader(Edition(edition), language, "EUR", Confidentiality.of(load_schema(schema)), schema)


def copy_repository(folder: Path, accounts: tuple[str, ...] = (), language: str | None = None) -> Path:
    """A repository to build and run in: mkdocs.yml, pyproject.toml (judged as of AS_OF), docs, schema and the
    example accounts named."""
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, folder / name)
    for name in ("docs", "schema"):
        shutil.copytree(ROOT / name, folder / name)
    pyproject = folder / "pyproject.toml"
    text = pyproject.read_text().replace('# as_of = "2026-11-24"', f'as_of = "{AS_OF}"')
    pyproject.write_text(text.replace('language = "en"', f'language = "{language}"') if language else text)
    for account in accounts:
        shutil.copytree(ROOT / "accounts" / account, folder / "accounts" / account)
    return folder


# Debian's Chromium, driven by playwright (a browser download does not work here)
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} not found: `make test` installs Debian's chromium (or set KAM_CHROMIUM)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield launched
        launched.close()


def git(folder: Path, *args: str) -> None:
    """Git in `folder`, with an author of its own (CI has none configured)."""
    subprocess.run(["git", "-C", str(folder), "-c", "user.email=t@e.com", "-c", "user.name=T", *args], check=True, capture_output=True)
