"""Benchmark: `kam rollover` of a whole portfolio, against the previous implementation as the baseline.

Usage: python tools/bench_rollover.py [ACCOUNTS...] [--sample N]   (default: 1000 accounts, baseline sample 40)

For each size, writes a synthetic portfolio (two plans per account, tools/gen_portfolio.py) and times
`kam rollover --to 2027` in a fresh process: every latest plan validated, every target checked, every
new plan written. The baseline is the previous implementation: one process, each plan validated on its
own and rolled over by ruamel.yaml's round trip; it is measured on a sample of accounts and extrapolated
(at a third of a second a plan, the whole portfolio would take minutes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import BIN, ROOT, SCHEMA, measure
from gen_portfolio import write_portfolio

from kamdocs.core.validate import validate_files
from kamdocs.history.rollover import dump, load_round_trip, roll  # the baseline is the round trip itself

AS_OF = dt.date(2026, 11, 24)


def previous_implementation(source: Path, year: int) -> str:
    """What `kam rollover` did per account before: validate the plan alone, then the ruamel round trip."""
    validate_files([source], SCHEMA, AS_OF, source.parent)
    text = source.read_text(encoding="utf-8-sig")
    plan = load_round_trip(text)
    roll(plan, year)
    return dump(plan, text)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("accounts", nargs="*", type=int, default=[1000])
    parser.add_argument("--sample", type=int, default=40, help="accounts the baseline is measured on")
    args = parser.parse_args(argv)
    print(f"{'accounts':>8}  {'implementation':<38} {'seconds':>8} {'peak RSS MB':>12}")
    for accounts in args.accounts:
        with tempfile.TemporaryDirectory() as folder:
            repo = Path(folder)
            files = write_portfolio(2 * accounts, repo / "accounts")
            (repo / "pyproject.toml").write_text(f'[tool.kam]\nas_of = "{AS_OF}"\n', encoding="utf-8")
            (repo / "schema").symlink_to(ROOT / "schema")
            seconds, rss = measure([str(BIN / "kam"), "rollover", "--to", "2027", "--config", str(repo / "pyproject.toml")], cwd=repo)
            written = sum(1 for _ in (repo / "accounts").glob("*/2027.yaml"))
            if written != accounts:
                raise SystemExit(f"kam rollover wrote {written} plans, expected {accounts}")
            latest = [path for path in files if path.stem == "2026"][: args.sample]
            start = time.perf_counter()
            for source in latest:
                previous_implementation(source, 2027)
            baseline = (time.perf_counter() - start) / len(latest) * accounts
        print(f"{accounts:>8}  {'kam rollover (text edit, parallel)':<38} {seconds:>8.2f} {rss:>12.1f}")
        print(f"{accounts:>8}  {f'baseline: ruamel ({len(latest)} measured)':<38} {baseline:>8.2f} {'':>12}")
        print(f"{accounts:>8}  {'speed-up against the baseline':<38} {baseline / seconds:>7.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
