from __future__ import annotations

from conftest import AS_OF, ROOT, SCHEMA, make_reader

from kamdocs.core.config import Config
from kamdocs.figures.assessment import prepare
from kamdocs.figures.derive import figure_keys
from kamdocs.render.pages.figures_reference import (
    render_checklists_reference,
    render_figures_reference,
)


def context():
    return prepare(Config(root=ROOT, accounts=ROOT / "accounts", schema=SCHEMA, as_of=AS_OF), ROOT)[0]


def test_every_figure_is_explained_with_its_formula() -> None:
    ctx = context()
    page = render_figures_reference(ctx.config, ctx.secrets, make_reader()).markdown
    for key in figure_keys():
        assert f"`{key}`" in page, key
    assert "secured base = committed revenue + recurring revenue + run-rate business" in page
    assert "expected = secured base + Σ(value × probability)" in page
    assert "## Contribution margin I (DB I) *(confidential)*" in page
    # the corrected definitions (issue 11)
    assert "last notice day = contract end − notice period, month arithmetic from the end of the month" in page
    assert "renewal none: the contract ends on its end date" in page
    assert "CSAT = satisfied answers / answers, satisfied = the top two scores" in page
    assert "(DB II) = DB I − indirect costs" in page and "Overheads allocated by key (sales.allocated_overheads)" in page
    assert "Each won deal counts once" in page and "expected close date has passed are stale" in page
    assert "like for like when the two years have different months on record" in page
    assert "with spend\nrecorded by quarter or month" in page
    assert "won cross-sell and upsell opportunities / won opportunities" in page
    assert "Retention of key accounts: of the accounts with a plan for last year" in page
    assert "Per key account manager: accounts, revenue and forecast" in page
    german = render_figures_reference(ctx.config, ctx.secrets, make_reader(language="de"))
    assert german.title == "Kennzahlen" and german.markdown.startswith("# Kennzahlen")


def test_checklists_page_lists_items_and_conditions() -> None:
    ctx = context()
    page = render_checklists_reference(ctx.checklists, make_reader()).markdown
    assert "## Information checklist for the annual review" in page
    assert "| `minimum_prices` | Minimum prices | Mindestpreise | `key_figures.minimum_prices` is filled in |" in page
    assert "`contacts` has at least 3 entries" in page
    assert "figure `nps` can be computed or figure `csat` can be computed" in page
    german = render_checklists_reference(ctx.checklists, make_reader(language="de")).markdown
    assert "## Informations-Checkliste für das Jahresgespräch" in german and "ausgefüllt ist" in german
