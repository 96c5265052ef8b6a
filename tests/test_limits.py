"""Promise: a plan that validates never crashes anything.

Valid plans are taken to the limits the schema and the rules allow: every number at its smallest and at its
largest, every date at the earliest and at the latest, every free text long, in many scripts and full of
Markdown, every optional list empty. Each limit is pushed as far as the plan still validates (a value the
rules refuse goes back to where it was). Then every command runs in every format and edition, and the site
is built: no traceback, ever.
"""

from __future__ import annotations

import copy
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path, PurePath
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import AS_OF, ROOT, SCHEMA, copy_repository

from kamdocs.app.cli import main
from kamdocs.core.config import EARLIEST, LATEST
from kamdocs.core.loader import Document, load_file
from kamdocs.core.problem import KeyPath
from kamdocs.core.rules import MAGNITUDE, UPPER_BOUNDS, RuleContext, rule_findings
from kamdocs.core.schema import WILDCARD, load_schema, schema_findings

BASE = ROOT / "accounts" / "meridian-stores" / "2026.yaml"
TEXT = (
    "**Fett** _kursiv_ `code` [link](https://example.com) ![bild](https://example.com/x.png) [rel](nope.md)\n\n"
    "- eins\n\n  zwei\n\n1. drei\n\n> Zitat\n\n| a | b |\n|---|---|\n| c | d |\n\n# Überschrift\n\n"
    "Grüße aus Köln · 東京 · עברית · العربية · 😀👍🏽 · e\u0301 · \u200b · \\ ` * _ { } [ ] ( ) # + - . ! | < > & \" '\n"
) * 12
"""Long Unicode and Markdown text (about 4,000 characters)."""


def _schema_nodes(data: Any, node: dict[str, Any], path: KeyPath = ()) -> Iterator[tuple[KeyPath, dict[str, Any], Any]]:
    """Every value of the plan with the schema node that describes it."""
    yield path, node, data
    if isinstance(data, dict):
        for key, value in data.items():
            child = node.get("properties", {}).get(key)
            if child is None and str(key).startswith("x-"):
                child = {}
            if isinstance(child, dict):
                yield from _schema_nodes(value, child, (*path, key))
    elif isinstance(data, list) and isinstance(node.get("items"), dict):
        for index, value in enumerate(data):
            yield from _schema_nodes(value, node["items"], (*path, index))


def _pattern(path: KeyPath) -> KeyPath:
    return tuple(WILDCARD if isinstance(part, int) else part for part in path)


def _number(path: KeyPath, node: dict[str, Any], value: float, high: bool) -> float:
    if high:
        limit = node.get("maximum", node.get("exclusiveMaximum", UPPER_BOUNDS.get(_pattern(path), MAGNITUDE)))
        limit = limit - (1 if "exclusiveMaximum" in node else 0)
    else:
        limit = node.get("minimum", node.get("exclusiveMinimum", -MAGNITUDE))
        limit = limit + (0.001 if "exclusiveMinimum" in node else 0)
    return int(limit) if isinstance(value, int) else float(limit)


def _set(data: Any, path: KeyPath, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _findings(plan: dict[str, Any], file: str) -> list[KeyPath]:
    schema = load_schema(SCHEMA)
    found = schema_findings(schema, plan)
    if not found:
        found = rule_findings(plan, RuleContext(file=PurePath(file), schema=schema, as_of=AS_OF))
    return [f.path for f in found]


def _settle(plan: dict[str, Any], original: dict[str, Any], file: str) -> dict[str, Any]:
    """Take back, step by step, what makes the plan invalid: the value itself, else what holds it."""
    for _ in range(200):
        paths = _findings(plan, file)
        if not paths:
            return plan
        for path in paths:
            while path:
                try:
                    before = _get(original, path)
                except (KeyError, IndexError, TypeError):
                    path = path[:-1]
                    continue
                if _get(plan, path) != before:
                    _set(plan, path, copy.deepcopy(before))
                    break
                path = path[:-1]
            else:
                return copy.deepcopy(original)
    raise AssertionError("the limit plan does not settle")


def _pushed(plan: dict[str, Any], change: Callable[[KeyPath, dict[str, Any], Any], Any]) -> dict[str, Any]:
    pushed = copy.deepcopy(plan)
    for path, node, value in list(_schema_nodes(plan, load_schema(SCHEMA).validator.schema)):
        new = change(path, node, value)
        if new is not None and path:
            try:
                _set(pushed, path, new)
            except (IndexError, KeyError):
                pass  # inside a list already emptied
    return pushed


def _numbers(high: bool) -> Callable[[KeyPath, dict[str, Any], Any], Any]:
    def change(path: KeyPath, node: dict[str, Any], value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _number(path, node, value, high)
        if isinstance(value, str) and node.get("format") == "date":
            return (LATEST if high else EARLIEST).isoformat()
        return None

    return change


def _text(path: KeyPath, node: dict[str, Any], value: Any) -> Any:
    free = not any(key in node for key in ("enum", "pattern", "format", "const", "x-kam-ref"))
    return TEXT[: node.get("maxLength", len(TEXT))] if isinstance(value, str) and free else None


def _empty(path: KeyPath, node: dict[str, Any], value: Any) -> Any:
    return [] if isinstance(value, list) and not node.get("minItems") else None


LIMITS = {"highest": _numbers(True), "lowest": _numbers(False), "text": _text, "empty": _empty}


def _base(account: str, year: int) -> dict[str, Any]:
    loaded = load_file(BASE)
    assert isinstance(loaded, Document)
    base = copy.deepcopy(loaded.data)
    base["account"]["id"], base["plan"]["year"] = account, year
    return _settle(base, copy.deepcopy(base), f"accounts/{account}/{year}.yaml")


def _limit_plan(name: str, year: int) -> dict[str, Any]:
    account = f"limits-{name}"
    base = _base(account, year)
    return _settle(_pushed(base, LIMITS[name]), base, f"accounts/{account}/{year}.yaml")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_repository(tmp_path_factory.mktemp("limits"))
    for name in LIMITS:
        # last year's plan as the example has it, this year's at the limit: diffs and changes pages see both
        for year, plan in ((2025, _base(f"limits-{name}", 2025)), (2026, _limit_plan(name, 2026))):
            path = folder / "accounts" / f"limits-{name}" / f"{year}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.safe_dump(plan, sort_keys=False, allow_unicode=True, width=10**9), encoding="utf-8")
    (folder / "accounts" / "customers.csv").write_text(
        'customer_id,name,revenue_2025\nlimits-highest,=Höchst,1000000000000000\nlimits-lowest,Tiefst,0\nlimits-text,"Text, lang",1\n',
        encoding="utf-8",
    )
    return folder


def test_the_limit_plans_validate_and_reach_their_limits(repo: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--config", str(repo / "pyproject.toml"), str(repo / "accounts")])
    assert result.exit_code == 0, result.output
    highest = yaml.safe_load((repo / "accounts" / "limits-highest" / "2026.yaml").read_text())
    assert highest["contract"]["end"] == LATEST.isoformat() and highest["contract"]["notice_period_months"] == 120
    assert any(row.get("revenue") == MAGNITUDE for row in highest["sales"])
    lowest = yaml.safe_load((repo / "accounts" / "limits-lowest" / "2026.yaml").read_text())
    assert lowest["contract"]["start"] == EARLIEST.isoformat()
    assert "東京" in (repo / "accounts" / "limits-text" / "2026.yaml").read_text()


def _commands(out: Path) -> Iterator[list[str]]:
    accounts = [f"limits-{name}" for name in LIMITS]
    for fmt in ("text", "json", "github", "junit"):
        yield ["validate", "--format", fmt]
        yield ["check", "--format", fmt]
    for edition in ("shared", "internal"):
        for language in ("en", "de"):
            common = ["--edition", edition, "--language", language]
            for account in accounts:
                for fmt in ("text", "json", "markdown"):
                    yield ["show", account, "--format", fmt, *common]
                    yield ["diff", account, "--format", fmt, *common]
                yield ["agenda", account, *common]
                yield ["agenda", account, "-o", str(out / f"{account}-{edition}-{language}.html"), *common]
            for fmt in ("text", "markdown", "json", "csv"):
                yield ["portfolio", "--format", fmt, *common]
            yield ["portfolio", "--format", "xlsx", "-o", str(out / f"p-{edition}-{language}.xlsx"), *common]
    for language in ("en", "de"):
        for fmt in ("text", "markdown", "json", "csv"):
            yield ["classify", "--format", fmt, "--language", language]
        yield ["calendar", "--language", language]
    yield ["rollover", "--to", "2027", "--dry-run"]
    yield ["rollover", "--to", "2027"]
    yield ["validate", "--format", "text"]


def test_promise_a_valid_plan_never_crashes_a_command(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    runner = CliRunner()
    for args in _commands(tmp_path):
        result = runner.invoke(main, args)
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (args, result.exception)
        assert result.exit_code in (0, 1), (args, result.exit_code, result.output[-2000:])
        assert "Traceback" not in result.output and "inf" not in result.output.split(), args


@pytest.mark.parametrize("edition", ["shared", "internal"])
def test_promise_a_valid_plan_never_crashes_the_site_build(repo: Path, tmp_path: Path, edition: str) -> None:
    site = tmp_path / "repo"
    shutil.copytree(repo, site, ignore=shutil.ignore_patterns("site"))
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("edition: shared", f"edition: {edition}"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert (site / "site" / "accounts" / "limits-highest" / "index.html").is_file()
    # what the toolkit writes gets the permissions any other file of the site gets (a web server may serve it)
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE((site / "site" / "search" / "search_index.json").stat().st_mode) == 0o666 & ~mask
