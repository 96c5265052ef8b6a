from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from conftest import AS_OF, ROOT, SCHEMA

from kamdocs.core.validate import discover, validate_files


def test_gen_portfolio_writes_valid_distinct_plans(tmp_path: Path) -> None:
    out = tmp_path / "accounts"
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_portfolio.py"), "6", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    files = discover([out])
    assert [f.relative_to(out).as_posix() for f in files][:2] == ["account-00000/2025.yaml", "account-00000/2026.yaml"]
    assert len(files) == 6
    assert all(r.ok for r in validate_files(files, SCHEMA, AS_OF, tmp_path))
    assert files[0].read_text() != files[2].read_text()


def test_gen_portfolio_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "accounts"
    (out / "keep").mkdir(parents=True)
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_portfolio.py"), "2", str(out)], capture_output=True, text=True)
    assert result.returncode == 2 and "use --force" in result.stderr
    assert (out / "keep").is_dir()


def test_bench_site_floor_has_a_page_for_every_page_of_the_kam_site(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from bench_site import bare_site, floor_site, kam_site

    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)}

    def build(repo: Path) -> Path:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=repo, capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        return repo

    kam = build(kam_site(tmp_path, 4))
    floor = build(floor_site(tmp_path, kam))
    addresses = {repo: {p.relative_to(repo / "site") for p in (repo / "site").rglob("*.html")} for repo in (kam, floor)}
    assert addresses[kam] == addresses[floor] and len(addresses[kam]) > 10
    assert yaml.safe_load((floor / "mkdocs.yml").read_text())["plugins"] == ["search", "offline"]
    assert "Dashboard" in (floor / "site" / "index.html").read_text()
    assert len(list((bare_site(tmp_path, 7) / "docs" / "pages").iterdir())) == 7


def test_bench_rollover_rolls_every_account_and_names_its_baseline() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bench_rollover.py"), "3", "--sample", "1"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "kam rollover" in result.stdout and "baseline: ruamel (1 measured)" in result.stdout and "speed-up" in result.stdout
