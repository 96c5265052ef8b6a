from __future__ import annotations

from conftest import AS_OF, ROOT, SCHEMA

from kamdocs.core.config import Config
from kamdocs.figures.assessment import prepare
from kamdocs.render.pages.figures_reference import (
    render_checklists_reference,
    render_figures_reference,
)
from kamdocs.view.labels import FIGURES


def context():
    return prepare(Config(root=ROOT, accounts=ROOT / "accounts", schema=SCHEMA, as_of=AS_OF), ROOT)[0]


def test_every_figure_is_explained_with_its_formula() -> None:
    ctx = context()
    page = render_figures_reference(ctx.config, ctx.secrets, "en").markdown
    for key in FIGURES:
        assert f"`{key}`" in page, key
    assert "secured base = committed revenue + recurring revenue + run-rate business" in page
    assert "expected = secured base + Σ(value × probability)" in page
    assert "## Contribution margin *(confidential)*" in page
    german = render_figures_reference(ctx.config, ctx.secrets, "de")
    assert german.title == "Kennzahlen" and german.markdown.startswith("# Kennzahlen")


def test_checklists_page_lists_items_and_conditions() -> None:
    ctx = context()
    page = render_checklists_reference(ctx.checklists, "en").markdown
    assert "## Information checklist for the annual review" in page
    assert "| `minimum_prices` | Minimum prices | Mindestpreise | `key_figures.minimum_prices` is filled in |" in page
    assert "`contacts` has at least 3 entries" in page
    assert "figure `nps` can be computed or figure `csat` can be computed" in page
    german = render_checklists_reference(ctx.checklists, "de").markdown
    assert "## Informations-Checkliste für das Jahresgespräch" in german and "ausgefüllt ist" in german
