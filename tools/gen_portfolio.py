"""Write a deterministic synthetic portfolio of N plans, each as rich as the best example.

Usage: python tools/gen_portfolio.py N OUT [--template FILE] [--force]

Accounts get two yearly plans each (2025 and 2026); figures are scaled per
account so that no two plans are alike. Used by the benchmarks.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from kamdocs.core.loader import Document, load_file
from kamdocs.core.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "accounts" / "meridian-stores" / "2026.yaml"
MODELINE = "# yaml-language-server: $schema=../../schema/account-plan.schema.json\n"
YEARS = (2025, 2026)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


AMOUNT_KEYS = frozenset(path[-1] for path, _ in load_schema(ROOT / "schema" / "account-plan.schema.json").annotated("x-kam-unit"))


def _scale(node: Any, factor: float) -> Any:
    """Scale every amount (a currency field of the schema); leave all else alone."""
    if isinstance(node, dict):
        return {
            key: round(value * factor, 2) if key in AMOUNT_KEYS and isinstance(value, (int, float)) else _scale(value, factor)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_scale(item, factor) for item in node]
    return node


def synthetic_plan(template: dict[str, Any], index: int, year: int) -> dict[str, Any]:
    plan = _scale(copy.deepcopy(template), 0.5 + (index * 7919 % 1000) / 400)
    plan["account"]["id"] = f"account-{index:05d}"
    plan["account"]["name"] = f"Synthetic Customer {index:05d} Ltd"
    plan["plan"]["year"] = year
    return plan


def write_portfolio(count: int, out: Path, template_file: Path = TEMPLATE) -> list[Path]:
    loaded = load_file(template_file)
    if not isinstance(loaded, Document):
        raise SystemExit(f"template does not load: {loaded.file}:{loaded.line}:{loaded.column}: {loaded.message}")
    files = []
    for number in range(count):
        index, year = divmod(number, len(YEARS))
        path = out / f"account-{index:05d}" / f"{YEARS[year]}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = yaml.dump(synthetic_plan(loaded.data, index, YEARS[year]), Dumper=_Dumper, sort_keys=False, allow_unicode=True)
        path.write_text(MODELINE + body, encoding="utf-8")
        files.append(path)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of plans")
    parser.add_argument("out", type=Path, help="folder to write (an accounts folder)")
    parser.add_argument("--template", type=Path, default=TEMPLATE, help="plan to copy (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        if not args.force:
            print(f"{args.out}: exists and is not empty; use --force to replace it", file=sys.stderr)
            return 2
        shutil.rmtree(args.out)
    files = write_portfolio(args.count, args.out, args.template)
    print(f"wrote {len(files)} plans to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
