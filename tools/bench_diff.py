"""Benchmark: `kam diff --base` costs what the changed plans cost, not what the portfolio holds.

Usage: python tools/bench_diff.py [SIZES...]   (default: 200 2000 plans, 5 of them changed)

For each size, makes a Git repository of a synthetic portfolio, commits, changes
five plans, commits again, and times `kam diff --base HEAD~1 --head HEAD`
(fresh process) next to `kam validate` of the whole portfolio for scale.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import BIN, ROOT, measure
from gen_portfolio import write_portfolio

CHANGED = 5


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.email=b@e.com", "-c", "user.name=B", *args], check=True, capture_output=True)


def main(argv: list[str]) -> int:
    sizes = [int(arg) for arg in argv] or [200, 2000]
    print(f"{'plans':>6} {'changed':>8}  {'command':<14} {'seconds':>8} {'peak RSS MB':>12}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            repo = Path(folder)
            files = write_portfolio(size, repo / "accounts")
            (repo / "pyproject.toml").write_text('[tool.kam]\nas_of = "2026-11-24"\n', encoding="utf-8")
            subprocess.run(["cp", "-r", str(ROOT / "schema"), str(repo / "schema")], check=True)
            git(repo, "init", "-q", "-b", "main")
            git(repo, "add", ".")
            git(repo, "commit", "-q", "-m", "portfolio")
            for path in files[1::2][:CHANGED]:
                path.write_text(path.read_text().replace("status: approved", "status: in_review"), encoding="utf-8")
            git(repo, "commit", "-q", "-am", "five plans change")
            config = ["--config", str(repo / "pyproject.toml")]
            diff_s, diff_rss = measure([str(BIN / "kam"), "diff", "--base", "HEAD~1", "--head", "HEAD", *config], cwd=repo)
            all_s, all_rss = measure([str(BIN / "kam"), "validate", *config, str(repo / "accounts")], cwd=repo)
        print(f"{size:>6} {CHANGED:>8}  {'kam diff':<14} {diff_s:>8.2f} {diff_rss:>12.1f}")
        print(f"{size:>6} {'all':>8}  {'kam validate':<14} {all_s:>8.2f} {all_rss:>12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
