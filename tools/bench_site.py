"""Benchmark: `mkdocs build` of the kam site against a plain MkDocs site with as many pages (the floor).

Usage: python tools/bench_site.py [SIZES...]   (default: 100 500 2000 plans)

For each size, generates a synthetic portfolio, builds the site with the kam
plugin, then builds a plain Material site with the same number of pages of
hand-written size (about 3 kB of Markdown each) in the same run, each in a
fresh process. Prints seconds, pages, the ratio to the floor, peak RSS and
the size of site/, and the time per page so that growth can be judged.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import BIN, ROOT, measure  # noqa: E402
from gen_portfolio import write_portfolio  # noqa: E402

TARGET = 1.25
PAGE = """# Page {n}

Some notes on customer {n}: who they are, what they buy, what we plan.

## Figures

| Figure | Value |
|---|---:|
| Revenue | {n},000 EUR |
| Growth | 4.{n} % |
| Forecast | {n},500 EUR |

## Notes

""" + "A paragraph of ordinary prose as people write it in a wiki page, with a [link](https://example.com). " * 20 + "\n"


def size_of(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def kam_site(tmp: Path, plans: int) -> Path:
    repo = tmp / "kam"
    repo.mkdir()
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, repo / name)
    for name in ("docs", "schema"):
        shutil.copytree(ROOT / name, repo / name)
    write_portfolio(plans, repo / "accounts")
    (repo / "pyproject.toml").write_text('[tool.kam]\nas_of = "2026-11-24"\n', encoding="utf-8")
    return repo


def floor_site(tmp: Path, pages: int) -> Path:
    repo = tmp / "floor"
    (repo / "docs" / "pages").mkdir(parents=True)
    (repo / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for n in range(pages):
        (repo / "docs" / "pages" / f"page-{n:05d}.md").write_text(PAGE.format(n=n), encoding="utf-8")
    (repo / "mkdocs.yml").write_text(
        "site_name: Floor\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n"
        "markdown_extensions:\n  - tables\n  - admonition\nnav:\n  - Home: index.md\nnot_in_nav: |\n  /pages/\n",
        encoding="utf-8",
    )
    return repo


def main(argv: list[str]) -> int:
    sizes = [int(arg) for arg in argv] or [100, 500, 2000]
    mkdocs = str(BIN / "mkdocs")
    print(f"{'plans':>6} {'pages':>6}  {'site':<6} {'seconds':>8} {'ms/page':>8} {'peak RSS MB':>12} {'site MB':>8}  ratio")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            repo = kam_site(tmp, size)
            kam_s, kam_rss = measure([mkdocs, "build", "--quiet", "-f", str(repo / "mkdocs.yml")])
            pages = sum(1 for _ in (repo / "site").rglob("index.html"))
            floor = floor_site(tmp, pages)
            floor_s, floor_rss = measure([mkdocs, "build", "--quiet", "-f", str(floor / "mkdocs.yml")])
            ratio = kam_s / floor_s
            print(f"{size:>6} {pages:>6}  {'floor':<6} {floor_s:>8.2f} {floor_s / pages * 1000:>8.1f} {floor_rss:>12.1f} {size_of(floor / 'site'):>8.1f}  1.00x")
            print(f"{size:>6} {pages:>6}  {'kam':<6} {kam_s:>8.2f} {kam_s / pages * 1000:>8.1f} {kam_rss:>12.1f} {size_of(repo / 'site'):>8.1f}  "
                  f"{ratio:.2f}x ({'within' if ratio <= TARGET else 'above'} the {TARGET}x target)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
