"""The proof that the shared edition shows no confidential value: change only confidential values, and every shared
output stays byte for byte the same, on the shipped schema and on a schema a company extended (a revenue field, a
$ref'd definition and an array's items marked confidential)."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT, copy_repository, make_reader

from kamdocs.app.cli import main
from kamdocs.core.rules import walk

ACCOUNTS = ("kestrel-freight", "meridian-stores", "nordwerk")
"""Accounts with history, German and English plans, every confidential field filled in."""


def extend(schema: dict[str, Any]) -> dict[str, Any]:
    """What a company might mark: revenue, the probability definition reached through $ref, the competitors' items."""
    schema["properties"]["sales"]["items"]["properties"]["revenue"]["x-kam-confidential"] = True
    schema["$defs"]["probability"]["x-kam-confidential"] = True
    schema["properties"]["customer_analysis"]["properties"]["competitors"]["items"]["x-kam-confidential"] = True
    return schema


def changed(value: Any, node: dict[str, Any], reader: Any, rng: random.Random) -> Any:
    """Another value that the schema still accepts, different enough to change any ranking."""
    node = reader.resolved(node)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "anyOf" in node:
        numeric = [reader.resolved(b) for b in node["anyOf"] if reader.resolved(b).get("type") in ("number", "integer")]
        node = numeric[0] if numeric else node
    if isinstance(value, bool) or "const" in node:
        return value
    if "enum" in node:
        return rng.choice([v for v in node["enum"] if isinstance(v, type(value))] or [value])
    if isinstance(value, (int, float)):
        if node.get("maximum") == 1 and value in (0, 1):
            return value  # a won or lost deal's probability, which the rules fix
        # at most the value: every sum the rules check (shares, revenue within the customer's spend) stays valid,
        # and each value moves by its own factor, so that rankings change
        low = max(node.get("minimum", 0), value / 5)
        return rng.randint(int(low), int(value)) if isinstance(value, int) else round(rng.uniform(low, value), 4)
    if isinstance(value, str):
        if node.get("format") == "date" or "pattern" in node or "anyOf" in node:
            return value
        return f"Secret {hashlib.sha256(f'{value}{rng.random()}'.encode()).hexdigest()[:12]}"
    if isinstance(value, list):
        return [changed(item, node.get("items", {}), reader, rng) for item in value]
    if isinstance(value, dict):
        properties = node.get("properties", {})
        return {key: changed(item, properties.get(key, {}), reader, rng) for key, item in value.items()}
    return value


def perturb(plan: dict[str, Any], schema: Path, seed: int) -> dict[str, Any]:
    reader = make_reader(schema=schema)
    rng = random.Random(seed)
    for pattern in reader.secrets.paths:
        for path, _ in list(walk(plan, pattern)):
            node: Any = plan
            for part in path[:-1]:
                node = node[part]
            node[path[-1]] = changed(node[path[-1]], reader.node(*path), reader, rng)
    return plan


def repository(folder: Path, extended: bool, seed: int | None) -> Path:
    """A copy of the repository with three example accounts; `seed` changes their confidential values."""
    copy_repository(folder)
    schema_file = folder / "schema" / "account-plan.schema.json"
    if extended:
        schema_file.write_text(json.dumps(extend(json.loads(schema_file.read_text())), indent=2, ensure_ascii=False))
    for account in ACCOUNTS:
        for source in sorted((ROOT / "accounts" / account).glob("*.yaml")):
            target = folder / "accounts" / account / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            if seed is None:
                shutil.copy(source, target)
            else:
                plan = yaml.safe_load(source.read_text(encoding="utf-8"))
                perturbed = perturb(plan, schema_file, seed * 1000 + int(source.stem))
                target.write_text(yaml.safe_dump(perturbed, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def command_outputs(folder: Path, tmp: Path) -> dict[str, bytes]:
    """Every command in every format, both languages, as the shared edition prints or writes it."""
    runner = CliRunner()
    out: dict[str, bytes] = {}

    def run(name: str, *args: str) -> None:
        result = runner.invoke(main, [*args, "--config", "pyproject.toml"], catch_exceptions=False)
        out[name] = f"exit {result.exit_code}\n".encode() + result.output.encode()

    def written(name: str, *args: str) -> None:
        target = tmp / name
        result = runner.invoke(main, [*args, "-o", str(target), "--force", "--config", "pyproject.toml"])
        assert result.exit_code == 0, result.output
        data = target.read_bytes()
        out[name] = data if not name.endswith(".xlsx") else _sheet_text(target).encode()

    shared = ("--edition", "shared")
    run("validate", "validate", "accounts")
    for fmt in ("text", "json", "github", "junit"):
        run(f"validate {fmt}", "validate", "--format", fmt, "accounts")
        run(f"check {fmt}", "check", "--format", fmt, *shared)
    for language in ("en", "de"):
        lang = ("--language", language)
        for account in ACCOUNTS:
            for fmt in ("text", "json", "markdown"):
                run(f"show {account} {fmt} {language}", "show", account, "--format", fmt, *shared, *lang)
                run(f"diff {account} {fmt} {language}", "diff", account, "--format", fmt, *shared, *lang)
            run(f"agenda {account} {language}", "agenda", account, *shared, *lang)
            written(f"agenda-{account}-{language}.html", "agenda", account, *shared, *lang)
        for fmt in ("text", "markdown", "json", "csv"):
            run(f"portfolio {fmt} {language}", "portfolio", "--format", fmt, *shared, *lang)
            run(f"portfolio by owner {fmt} {language}", "portfolio", "--by", "owner", "--format", fmt, *shared, *lang)
        written(f"portfolio-{language}.xlsx", "portfolio", "--format", "xlsx", *shared, *lang)
        run(f"calendar {language}", "calendar", *shared, *lang)
    return out


def _sheet_text(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return "\n".join("\t".join(str(cell.value) for cell in row) for sheet in book for row in sheet.iter_rows())


def site_files(folder: Path, language: str) -> dict[str, bytes]:
    """The shared site, every file of it (the sitemap's gzip by its content: its header holds a time)."""
    config = folder / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text().replace("# language: de", f"language: {language}")
    config.write_text(text)
    site = folder / f"site-{language}"
    build = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(folder)},
    )
    assert build.returncode == 0, build.stderr[-3000:]
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files[f"site-{language}/{path.relative_to(site)}"] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def outputs(folder: Path, tmp: Path) -> dict[str, bytes]:
    # file names are printed relative to the folder a command runs in: both copies must read the same
    with contextlib.chdir(folder):
        return {**command_outputs(folder, tmp), **site_files(folder, "en"), **site_files(folder, "de")}


@pytest.mark.parametrize("extended", [False, True], ids=["shipped schema", "extended schema"])
def test_promise_changing_only_confidential_values_changes_no_shared_output(tmp_path: Path, extended: bool) -> None:
    runs = []
    for seed in (1, 2):
        folder = tmp_path / f"run-{seed}"
        folder.mkdir()
        runs.append(outputs(repository(folder, extended, seed), tmp_path))
    first, second = runs
    assert first.keys() == second.keys()
    differ = sorted(name for name in first if first[name] != second[name])
    assert differ == [], {name: _first_difference(first[name], second[name]) for name in differ[:5]}


def test_the_proof_can_fail(tmp_path: Path) -> None:
    """The internal edition does show the changed values: the comparison sees a leak when there is one."""
    runner = CliRunner()
    texts = []
    for seed in (1, 2):
        folder = tmp_path / str(seed)
        folder.mkdir()
        repository(folder, extended=True, seed=seed)
        args = ["show", "meridian-stores", "--edition", "internal", "--config", str(folder / "pyproject.toml")]
        texts.append(runner.invoke(main, args).output)
    assert texts[0] != texts[1]


def _first_difference(a: bytes, b: bytes) -> str:
    text_a, text_b = a.decode("utf-8", "replace"), b.decode("utf-8", "replace")
    at = next((i for i, (x, y) in enumerate(zip(text_a, text_b, strict=False)) if x != y), min(len(text_a), len(text_b)))
    return f"…{text_a[max(0, at - 120) : at + 80]}… | …{text_b[max(0, at - 120) : at + 80]}…"
