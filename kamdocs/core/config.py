"""[tool.kam] in pyproject.toml: the one place of configuration."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2})?")
"""A language code as locales name it (de, en, pt_BR): which ones there are, the catalogues say."""
EDITIONS = ("shared", "internal")


class ConfigError(Exception):
    """The configuration cannot be used; the message says what to fix and where."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    min_completeness: float = 0.6
    key_account_score: float = 3.0
    stale_days: int = 180
    notice_warning_days: int = 90


QUALITATIVE = (
    "switching_risk",
    "future_potential",
    "growth_potential",
    "reference_value",
    "innovation_leadership",
    "know_how",
    "individual_care",
)


@dataclass(frozen=True, slots=True)
class FigureSettings:
    clv_model: str = "discounted"
    discount_rate: float = 0.08
    instrument_cost_ratio_max: float = 0.5
    revenue_for_full_score: float = 2_000_000.0
    abc_limits: tuple[float, float] = (0.8, 0.95)
    score_weights: dict[str, float] = field(default_factory=lambda: {"revenue": 2.0, **{name: 1.0 for name in QUALITATIVE}})


@dataclass(frozen=True, slots=True)
class Config:
    root: Path
    accounts: Path
    schema: Path
    source: Path | None = None
    as_of: dt.date = field(default_factory=dt.date.today)
    currency: str = "EUR"
    rates: dict[str, float] = field(default_factory=dict)
    """[tool.kam.rates]: what one unit of another currency is worth in `currency` (USD = 0.92), for portfolio totals."""
    fiscal_year_start: int = 1
    language: str = "en"
    edition: str = "shared"
    locales: Path | None = None
    """[tool.kam] locales: a folder of the company's own catalogues (<language>/LC_MESSAGES/kamdocs.po)."""
    thresholds: Thresholds = field(default_factory=Thresholds)
    figures: FigureSettings = field(default_factory=FigureSettings)

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{key: value for key, value in changes.items() if value is not None})


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.kam] table, from `start` upwards."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "kam" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror}") from None


def _expect(source: Path, key: str, value: Any, kinds: tuple[type, ...]) -> Any:
    # bool is an int subclass, and no setting takes true/false
    if isinstance(value, bool) or not isinstance(value, kinds):
        names = " or ".join(kind.__name__ for kind in kinds)
        raise ConfigError(f"{source}: [tool.kam] {key} = {value!r}: expected {names}")
    return value


EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
"""The dates the toolkit computes with, in plans and configuration: far years overflow calendars and date arithmetic."""

RANGES: dict[str, tuple[float, float]] = {
    "thresholds.min_completeness": (0, 1),
    "thresholds.key_account_score": (0, 5),
    "thresholds.stale_days": (0, 36_500),
    "thresholds.notice_warning_days": (0, 3_650),
    "figures.discount_rate": (0, 1),
    "figures.instrument_cost_ratio_max": (0, 1_000),
    "figures.revenue_for_full_score": (1, 1e15),
    "figures.score_weights": (0, 100),
}
"""Every number of [tool.kam] with the range the figures can compute with (a revenue for full score of 0 divides by
zero, a discount rate of -1 too)."""


def _in_range(source: Path, key: str, value: Any) -> Any:
    low, high = RANGES[key.rsplit(".", 1)[0] if key.startswith("figures.score_weights.") else key]
    if not low <= value <= high:  # also false for nan
        raise ConfigError(f"{source}: [tool.kam] {key} = {value!r}: expected a number from {low:g} to {high:g}")
    return value


def parse_date(text: str, where: str) -> dt.date:
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"{where}: {text!r} is not a date YYYY-MM-DD") from None
    if not EARLIEST <= date <= LATEST:
        raise ConfigError(f"{where}: {text!r} lies outside {EARLIEST} to {LATEST}")
    return date


def _thresholds(source: Path, table: Any) -> Thresholds:
    _expect(source, "thresholds", table, (dict,))
    known = {f.name: f.type for f in fields(Thresholds)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{source}: [tool.kam.thresholds] unknown key {key!r} (known: {', '.join(known)})")
        where = f"thresholds.{key}"
        values[key] = _in_range(source, where, _expect(source, where, value, (int, float) if known[key] == "float" else (int,)))
    return Thresholds(**values)


def _rates(source: Path, table: Any) -> dict[str, float]:
    _expect(source, "rates", table, (dict,))
    rates = {}
    for code, rate in table.items():
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ConfigError(f"{source}: [tool.kam.rates] {code!r}: expected a three-letter currency code like USD")
        if _expect(source, f"rates.{code}", rate, (int, float)) <= 0:
            raise ConfigError(f"{source}: [tool.kam.rates] {code} = {rate!r}: expected a rate above 0")
        rates[code] = float(rate)
    return rates


def _figures(source: Path, table: Any) -> FigureSettings:
    _expect(source, "figures", table, (dict,))
    values: dict[str, Any] = {}
    for key, value in table.items():
        where = f"figures.{key}"
        if key == "clv_model":
            if value not in ("discounted", "simple"):
                raise ConfigError(f"{source}: [tool.kam] {where} = {value!r}: expected discounted or simple")
            values[key] = value
        elif key in ("discount_rate", "instrument_cost_ratio_max", "revenue_for_full_score"):
            values[key] = float(_in_range(source, where, _expect(source, where, value, (int, float))))
        elif key == "abc_limits":
            limits = _expect(source, where, value, (list,))
            if len(limits) != 2 or not all(isinstance(v, (int, float)) for v in limits) or not 0 < limits[0] < limits[1] <= 1:
                raise ConfigError(f"{source}: [tool.kam] {where} = {value!r}: expected two shares like [0.8, 0.95]")
            values[key] = (float(limits[0]), float(limits[1]))
        elif key == "score_weights":
            weights = _expect(source, where, value, (dict,))
            known = ("revenue", *QUALITATIVE)
            for name, weight in weights.items():
                if name not in known:
                    raise ConfigError(f"{source}: [tool.kam] {where}.{name}: unknown criterion (known: {', '.join(known)})")
                _in_range(source, f"{where}.{name}", _expect(source, f"{where}.{name}", weight, (int, float)))
            values[key] = {name: float(weights.get(name, 0.0)) for name in known}
        else:
            raise ConfigError(
                f"{source}: [tool.kam.figures] unknown key {key!r} (known: clv_model, discount_rate, "
                "instrument_cost_ratio_max, revenue_for_full_score, abc_limits, score_weights)"
            )
    return FigureSettings(**values)


def load_config(config_file: Path | None = None, cwd: Path | None = None) -> Config:
    """Read [tool.kam]; without a config file found, defaults relative to `cwd`."""
    here = (cwd or Path.cwd()).resolve()
    source = config_file.resolve() if config_file else find_pyproject(here)
    if config_file and not source.is_file():  # type: ignore[union-attr]
        raise ConfigError(f"{config_file}: config file not found")
    table: dict[str, Any] = _read_toml(source).get("tool", {}).get("kam", {}) if source else {}
    root = source.parent if source else here
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in ("accounts", "schema"):
            values[key] = root / _expect(source, key, value, (str,))  # type: ignore[arg-type]
        elif key == "as_of":
            values[key] = parse_date(_expect(source, key, value, (str,)), f"{source}: [tool.kam] as_of")  # type: ignore[arg-type]
        elif key == "currency":
            if not re.fullmatch("[A-Z]{3}", _expect(source, key, value, (str,))):  # type: ignore[arg-type]
                raise ConfigError(f"{source}: [tool.kam] currency = {value!r}: expected a three-letter ISO 4217 code such as EUR")
            values[key] = value
        elif key == "fiscal_year_start":
            month = _expect(source, key, value, (int,))  # type: ignore[arg-type]
            if not 1 <= month <= 12:
                raise ConfigError(f"{source}: [tool.kam] fiscal_year_start = {month}: expected a month 1-12")
            values[key] = month
        elif key == "language":
            if not LANGUAGE.fullmatch(_expect(source, key, value, (str,))):  # type: ignore[arg-type]
                raise ConfigError(f"{source}: [tool.kam] language = {value!r}: expected a language code such as en or de")
            values[key] = value
        elif key == "edition":
            if value not in EDITIONS:
                raise ConfigError(f"{source}: [tool.kam] edition = {value!r}: expected one of {', '.join(EDITIONS)}")
            values[key] = value
        elif key == "locales":
            values[key] = root / _expect(source, key, value, (str,))  # type: ignore[arg-type]
        elif key == "rates":
            values[key] = _rates(source, value)  # type: ignore[arg-type]
        elif key == "thresholds":
            values[key] = _thresholds(source, value)  # type: ignore[arg-type]
        elif key == "figures":
            values[key] = _figures(source, value)  # type: ignore[arg-type]
        else:
            raise ConfigError(
                f"{source}: [tool.kam] unknown key {key!r} (known: accounts, schema, as_of, currency, "
                "fiscal_year_start, language, edition, locales, rates, thresholds, figures)"
            )
    values.setdefault("accounts", root / "accounts")
    values.setdefault("schema", root / "schema" / "account-plan.schema.json")
    return Config(root=root, source=source, **values)
