from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kamdocs.core.config import ConfigError, Thresholds, find_pyproject, load_config


def write(folder: Path, text: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(text)
    return path


def test_defaults_without_a_config(tmp_path: Path) -> None:
    config = load_config(cwd=tmp_path)
    assert config.source is None
    assert config.accounts == tmp_path.resolve() / "accounts"
    assert config.schema == tmp_path.resolve() / "schema" / "account-plan.schema.json"
    assert (config.currency, config.language, config.edition, config.fiscal_year_start) == ("EUR", "en", "shared", 1)
    assert config.as_of == dt.date.today()
    assert config.thresholds == Thresholds()


def test_values_are_read_and_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        '[tool.kam]\naccounts = "plans"\nas_of = "2026-03-01"\ncurrency = "CHF"\nlanguage = "de"\n'
        "fiscal_year_start = 4\n[tool.kam.thresholds]\nstale_days = 90\nmin_completeness = 1\n",
    )
    sub = tmp_path / "plans" / "x"
    sub.mkdir(parents=True)
    config = load_config(cwd=sub)
    assert config.accounts == tmp_path.resolve() / "plans"
    assert config.as_of == dt.date(2026, 3, 1)
    assert (config.currency, config.language, config.fiscal_year_start) == ("CHF", "de", 4)
    assert config.thresholds.stale_days == 90 and config.thresholds.min_completeness == 1


def test_a_pyproject_without_tool_kam_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path, '[tool.kam]\ncurrency = "USD"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    write(inner, '[project]\nname = "other"\n')
    assert find_pyproject(inner) == tmp_path / "pyproject.toml"
    assert load_config(cwd=inner).currency == "USD"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[tool.kam]\ncurency = "EUR"\n', "unknown key 'curency'"),
        ("[tool.kam]\naccounts = 3\n", "accounts = 3: expected str"),
        ('[tool.kam]\nlanguage = "French"\n', "expected a language code such as en or de"),
        ('[tool.kam]\nedition = "public"\n', "expected one of shared, internal"),
        ("[tool.kam]\nfiscal_year_start = 13\n", "expected a month 1-12"),
        ("[tool.kam]\nfiscal_year_start = true\n", "expected int"),
        ('[tool.kam]\nas_of = "tomorrow"\n', "'tomorrow' is not a date YYYY-MM-DD"),
        ("[tool.kam.thresholds]\nstale = 3\n", "unknown key 'stale'"),
        ('[tool.kam.thresholds]\nstale_days = "3"\n', "expected int"),
        ("[tool.kam\n", "not valid TOML"),
        ('[tool.kam.figures]\nclv_model = "fancy"\n', "expected discounted or simple"),
        ("[tool.kam.figures]\nabc_limits = [0.9, 0.8]\n", "expected two shares like"),
        ("[tool.kam.figures]\nscore_weights = {luck = 1}\n", "unknown criterion"),
        ("[tool.kam.figures]\ndiscount = 1\n", "unknown key 'discount'"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=words.replace("(", r"\(").replace(")", r"\)")) as caught:
        load_config(path)
    assert str(path) in str(caught.value)


def test_figure_settings(tmp_path: Path) -> None:
    write(tmp_path, '[tool.kam.figures]\nclv_model = "simple"\nabc_limits = [0.7, 0.9]\nscore_weights = {revenue = 3}\n')
    figures = load_config(cwd=tmp_path).figures
    assert figures.clv_model == "simple" and figures.abc_limits == (0.7, 0.9)
    assert figures.score_weights["revenue"] == 3 and figures.score_weights["know_how"] == 0


def test_overrides_ignore_none(tmp_path: Path) -> None:
    config = load_config(cwd=tmp_path)
    assert config.with_overrides(as_of=None, language="de").language == "de"
    assert config.with_overrides(as_of=None).as_of == config.as_of


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ("[tool.kam.figures]\nrevenue_for_full_score = 0\n", "figures.revenue_for_full_score = 0: expected a number from 1 to 1e+15"),
        ("[tool.kam.figures]\ndiscount_rate = -1\n", "figures.discount_rate = -1: expected a number from 0 to 1"),
        ("[tool.kam.figures]\ndiscount_rate = nan\n", "figures.discount_rate = nan"),
        ("[tool.kam.figures]\nscore_weights = { revenue = -2 }\n", "figures.score_weights.revenue = -2"),
        ("[tool.kam.thresholds]\nmin_completeness = 2\n", "thresholds.min_completeness = 2"),
        ("[tool.kam.thresholds]\nstale_days = -1\n", "thresholds.stale_days = -1"),
        ('[tool.kam]\nas_of = "9999-12-31"\n', "'9999-12-31' lies outside 1900-01-01 to 2199-12-31"),
        ('[tool.kam]\ncurrency = "€"\n', "expected a three-letter ISO 4217 code"),
    ],
)
def test_promise_every_configuration_value_is_range_checked(tmp_path: Path, table: str, words: str) -> None:
    write(tmp_path, table)
    with pytest.raises(ConfigError, match=re.escape(words)):
        load_config(cwd=tmp_path)


def test_exchange_rates(tmp_path) -> None:
    source = tmp_path / "pyproject.toml"
    source.write_text('[tool.kam]\ncurrency = "EUR"\n[tool.kam.rates]\nUSD = 0.92\nGBP = 1.17\n', encoding="utf-8")
    assert load_config(source).rates == {"USD": 0.92, "GBP": 1.17}
    source.write_text("[tool.kam.rates]\nusd = 0.92\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'usd': expected a three-letter currency code"):
        load_config(source)
    source.write_text("[tool.kam.rates]\nUSD = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="USD = 0: expected a rate above 0"):
        load_config(source)
