"""The schema's own words: a field's label and an enum value's label in the reader's language.

`title` is the English label, `x-kam-label-<language>` any other; enum values are
labelled in `x-kam-enum-labels: {<language>: {value: label}}`. Where a schema a
company extended has no label in the language, the catalogue is asked for the
English one, so that a reader never sees a key or a raw value where a word exists.
"""

from __future__ import annotations

from typing import Any

from kamdocs.view.i18n import SOURCE_LANGUAGE, translate


def field_label(node: dict[str, Any], language: str, fallback: str) -> str:
    own = node.get(f"x-kam-label-{language}")
    if isinstance(own, str) and own:
        return own
    english = node.get("title") or fallback.replace("_", " ")
    return str(english) if language == SOURCE_LANGUAGE else translate(str(english), language)


def enum_label(node: dict[str, Any], value: Any, language: str) -> str:
    labels = node.get("x-kam-enum-labels", {})
    for lang in (language, SOURCE_LANGUAGE):
        found = labels.get(lang, {}).get(str(value))
        if found:
            return str(found) if lang == language else translate(str(found), language)
    return translate(str(value).replace("_", " "), language)


def in_language(labels: dict[str, str], language: str) -> str:
    """A label given per language (the checklists' `label: {en: ..., de: ...}`); the catalogue says the English one
    in a language the file does not have."""
    return labels.get(language) or translate(labels[SOURCE_LANGUAGE], language)
