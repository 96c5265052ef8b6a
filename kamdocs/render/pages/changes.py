"""The year-over-year page: what changed between two consecutive plans of an account."""

from __future__ import annotations

import difflib

from kamdocs.figures.assessment import Assessment
from kamdocs.history.diff import diff_figures, diff_plans
from kamdocs.render.markup import escape
from kamdocs.render.pages.html import block, html_table, md, table
from kamdocs.render.pages.render import PageSource
from kamdocs.view.compare import describe
from kamdocs.view.labels import label
from kamdocs.view.numbers import value_text, visible
from kamdocs.view.words import t


def word_diff(old: str, new: str) -> str:
    """HTML: removed words struck through, added words marked."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
    return " ".join(out)


def change_rows(old_plan: dict, new_plan: dict, language: str) -> list[list[str]]:
    rows = []
    for change in diff_plans(old_plan, new_plan):
        long_text = change.kind == "changed" and isinstance(change.old, str) and isinstance(change.new, str) and len(change.old) > 30
        shown = word_diff(change.old, change.new) if long_text else escape(describe(change, language))
        rows.append([escape(".".join(change.path)), escape(t(change.kind, language)), shown])
    return rows


def changes_page(
    old: Assessment, new: Assessment, old_plan: dict, new_plan: dict, edition: str, language: str, currency: str
) -> PageSource:
    """`old_plan` and `new_plan` are the edition's copies (confidential fields already removed for shared)."""
    out = [f"# {md(new.name)}: {t('changes', language)} {old.year} → {new.year}", ""]
    figures = [
        [escape(label(c.key, language)), escape(value_text(c.old, language, currency)), escape(value_text(c.new, language, currency))]
        for c in diff_figures(old.figures, new.figures)
        if visible(c.new, edition) and visible(c.old, edition)
    ]
    out += [
        f"## {t('changed_figures', language)}",
        "",
        table([t("figure", language), str(old.year), str(new.year)], figures) or t("no_changes", language),
        "",
    ]
    rows = change_rows(old_plan, new_plan, language)
    out += [
        f"## {t('changed_fields', language)}",
        "",
        block(html_table(["", "", ""], rows, "kam-table kam-diff")) if rows else t("no_changes", language),
        "",
    ]
    return PageSource(f"{new.name}: {t('changes', language)} {old.year}", "\n".join(out), searchable=False)
