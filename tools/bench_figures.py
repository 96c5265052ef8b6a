"""Benchmark: figures, checklists and portfolio against `kam validate` on the same plans.

Usage: python tools/bench_figures.py [SIZES...]   (default: 1000 10000)

For each size, generates a synthetic portfolio (two yearly plans per account)
and runs, each in a fresh process, `kam validate` (the baseline) and
`kam portfolio --format json` (validation + derived figures + checklists +
portfolio). Prints seconds, plans/s, peak RSS and the ratio to the baseline;
target: portfolio at most 1.5x the time of validate.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import BIN, ROOT, measure
from gen_portfolio import write_portfolio

TARGET = 1.5


def main(argv: list[str]) -> int:
    sizes = [int(arg) for arg in argv] or [1000, 10000]
    print(f"{'plans':>6}  {'command':<15} {'seconds':>8} {'plans/s':>9} {'peak RSS MB':>12}  ratio")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "accounts"
            write_portfolio(size, folder)
            config = Path(tmp) / "pyproject.toml"
            config.write_text(
                f'[tool.kam]\naccounts = "{folder}"\nschema = "{ROOT / "schema" / "account-plan.schema.json"}"\nas_of = "2026-11-24"\n',
                encoding="utf-8",
            )
            base_s, base_rss = measure([str(BIN / "kam"), "validate", "--config", str(config), str(folder)])
            full_s, full_rss = measure([str(BIN / "kam"), "portfolio", "--format", "json", "--config", str(config)])
        ratio = full_s / base_s
        print(f"{size:>6}  {'kam validate':<15} {base_s:>8.2f} {size / base_s:>9.0f} {base_rss:>12.1f}  1.00x (baseline)")
        print(
            f"{size:>6}  {'kam portfolio':<15} {full_s:>8.2f} {size / full_s:>9.0f} {full_rss:>12.1f}  {ratio:.2f}x "
            f"({'within' if ratio <= TARGET else 'above'} the {TARGET}x target)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
