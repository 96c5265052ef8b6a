"""Benchmark: `kam validate` against check-jsonschema (the baseline) on the same plans.

Usage: python tools/bench_validate.py [SIZES...]   (default: 1000 10000)

For each size, generates a synthetic portfolio, validates it with both tools in
the same run (each in a fresh process) and prints
plans/s, the speed ratio and the peak RSS of each.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_portfolio import write_portfolio

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SCHEMA = ROOT / "schema" / "account-plan.schema.json"
RUNS = 1

# Runs the command in a child and prints the child's peak RSS (KiB on Linux).
_MEASURE = (
    "import resource, subprocess, sys;"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode;"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def measure(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall time in seconds and peak RSS in MB (best and highest over RUNS runs)."""
    best, peak = float("inf"), 0.0
    for _ in range(RUNS):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True, cwd=cwd)
        elapsed = time.perf_counter() - start
        code, rss = out.stdout.split()
        if code != "0":
            raise SystemExit(f"{command[0]} exited {code}: the generated plans should be valid")
        best, peak = min(best, elapsed), max(peak, int(rss) / 1024)
    return best, peak


def main(argv: list[str]) -> int:
    sizes = [int(arg) for arg in argv] or [1000, 10000]
    print(f"{'plans':>6}  {'tool':<17} {'seconds':>8} {'plans/s':>9} {'peak RSS MB':>12}  ratio")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "accounts"
            files = write_portfolio(size, folder)
            kam_s, kam_rss = measure([str(BIN / "kam"), "validate", "--config", str(ROOT / "pyproject.toml"), str(folder)])
            base_s, base_rss = measure([str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), *map(str, files)])
        print(f"{size:>6}  {'check-jsonschema':<17} {base_s:>8.2f} {size / base_s:>9.0f} {base_rss:>12.1f}  1.0x (baseline)")
        print(f"{size:>6}  {'kam validate':<17} {kam_s:>8.2f} {size / kam_s:>9.0f} {kam_rss:>12.1f}  {base_s / kam_s:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
