from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import AS_OF, ROOT, SCHEMA

from kamdocs.validate import discover, validate_files


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
