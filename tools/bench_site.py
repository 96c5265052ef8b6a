"""Benchmark: the kam site built by each engine against plain sites with as many pages (the floors).

Usage: python tools/bench_site.py [SIZES...]   (default: 100 500 2000 plans)

For each size, generates a synthetic portfolio; then, each build in a fresh
process, in turns, RUNS times (the best counts):
- mkdocs, properdocs: `mkdocs build` / `properdocs build` with the kam plugin;
- zensical: `kam site pages` (validation, figures, pages, files) plus
  `zensical build` of the folder it wrote (Zensical's cache cleared);
- floor: this repository's site without the plugin, built by MkDocs: the same
  mkdocs.yml, docs/ and nav, a hand-written page of about 3 kB of Markdown at
  the address of every generated one. The ratio to it is what the plugin costs;
  the target is measured against it;
- z-floor: the same floor built by Zensical, for Zensical's ratio;
- bare: a minimal Material site (two Markdown extensions, a one-page nav).
Prints seconds, pages, the ratio, peak RSS, the size of the site and the time
per page, so that growth can be judged.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import BIN, ROOT, measure
from gen_portfolio import write_portfolio

TARGET = 1.25
RUNS = 3
"""Builds of each site; the best counts (a shared machine's noise is larger than the differences measured)."""
PAGE = (
    """# Page {n}

Some notes on customer {n}: who they are, what they buy, what we plan.

## Figures

| Figure | Value |
|---|---:|
| Revenue | {n},000 EUR |
| Growth | 4.{n} % |
| Forecast | {n},500 EUR |

## Notes

"""
    + "A paragraph of ordinary prose as people write it in a wiki page, with a [link](https://example.com). " * 20
    + "\n"
)


def count_pages(site: Path) -> int:
    """The pages of a built site: with the offline plugin every page is a file of its own, not a folder's index."""
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


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


def floor_site(tmp: Path, kam: Path) -> Path:
    """The kam site's configuration and hand-written pages, with a plain page wherever the plugin made one."""
    repo = tmp / "floor"
    docs = repo / "docs"
    shutil.copytree(ROOT / "docs", docs)
    site = kam / "site"
    # the kam site has file addresses (the offline plugin): accounts/x/agenda.html comes from accounts/x/agenda.md
    for page in site.rglob("*.html"):
        source = docs / page.relative_to(site).with_suffix(".md")
        if page.name == "404.html" or source.exists():
            continue
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(PAGE.format(n=len(str(source.parent))), encoding="utf-8")
    config = yaml.safe_load((kam / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "kam" in p)]
    tiers = sorted(f"accounts/{p.name}" for p in (docs / "accounts").glob("tier-*.md"))
    config["nav"].insert(1, {"Dashboard": ["accounts/index.md", "accounts/calendar.md", *tiers]})
    config["not_in_nav"] = "/accounts/\n/reference/\n"
    (repo / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return repo


def bare_site(tmp: Path, pages: int) -> Path:
    repo = tmp / "bare"
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


def builds(repos: dict[str, Path]) -> dict[str, list[tuple[list[str], Path]]]:
    """Name -> the commands of one build and where each runs. Zensical's cache is cleared: every build is a full one."""
    mkdocs, properdocs, zensical, kam = (str(BIN / name) for name in ("mkdocs", "properdocs", "zensical", "kam"))
    folder = repos["kam"] / "build" / "zensical"
    return {
        "bare": [([mkdocs, "build", "--quiet"], repos["bare"])],
        "floor": [([mkdocs, "build", "--quiet"], repos["floor"])],
        "mkdocs": [([mkdocs, "build", "--quiet"], repos["kam"])],
        "properdocs": [([properdocs, "build", "--quiet", "-f", "mkdocs.yml"], repos["kam"])],
        "zensical": [([kam, "site", "pages", str(folder), "--force"], repos["kam"]), ([zensical, "build", "--clean"], folder)],
        "z-floor": [([zensical, "build", "--clean"], repos["z-floor"])],
    }


def site_dir(name: str, repos: dict[str, Path]) -> Path:
    if name == "zensical":
        return repos["kam"] / "build" / "zensical" / "site"
    return repos["kam" if name in ("mkdocs", "properdocs") else name] / "site"


def main(argv: list[str]) -> int:
    sizes = [int(arg) for arg in argv] or [100, 500, 2000]
    print(f"{'plans':>6} {'pages':>6}  {'site':<10} {'seconds':>8} {'ms/page':>8} {'peak RSS MB':>12} {'site MB':>8}  ratio to floor")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            repo = kam_site(tmp, size)
            measure([str(BIN / "mkdocs"), "build", "--quiet"], cwd=repo)  # the floor copies the addresses of this build
            pages = count_pages(repo / "site")
            floor = floor_site(tmp, repo)
            repos = {"bare": bare_site(tmp, pages), "floor": floor, "kam": repo, "z-floor": shutil.copytree(floor, tmp / "z-floor")}
            steps = builds(repos)
            best = {name: (float("inf"), 0.0) for name in steps}
            # in turns, so that a slow minute of a shared machine slows all of them alike
            for _ in range(RUNS):
                for name, commands in steps.items():
                    measured = [measure(command, cwd=cwd) for command, cwd in commands]
                    seconds, rss = sum(s for s, _ in measured), max(r for _, r in measured)
                    best[name] = (min(best[name][0], seconds), max(best[name][1], rss))
            for name in [name for name in steps if name != "bare"]:  # bare: one page of every kind, and a home page
                built = count_pages(site_dir(name, repos))
                assert built == pages, f"{name} has {built} pages, the kam site {pages}"
            floor_s = best["floor"][0]
            for name, (seconds, rss) in best.items():
                print(
                    f"{size:>6} {pages:>6}  {name:<10} {seconds:>8.2f} {seconds / pages * 1000:>8.1f} {rss:>12.1f} "
                    f"{size_of(site_dir(name, repos)):>8.1f}  {seconds / floor_s:.2f}x"
                )
            for name in ("mkdocs", "properdocs"):
                ratio = best[name][0] / floor_s
                print(f"{'':>15}{name} {ratio:.2f}x the floor ({'within' if ratio <= TARGET else 'above'} the {TARGET}x target)")
            print(
                f"{'':>15}zensical (kam site pages + zensical build) {best['zensical'][0] / best['z-floor'][0]:.2f}x the floor built by Zensical"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
