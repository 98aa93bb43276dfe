"""The page set: every page exists in each language, as docs/sv/<name>.md and docs/en/<name>.md."""

from pathlib import Path

from sitebuild import DOCS, LANGS


def page_names(docs: Path = DOCS) -> set[str]:
    found = ((lang, p) for lang in LANGS for p in (docs / lang).rglob("*.md"))
    return {p.relative_to(docs / lang).with_suffix("").as_posix() for lang, p in found}


def twin(docs: Path, name: str, lang: str) -> Path:
    return docs / lang / f"{name}.md"


def missing_twins(docs: Path = DOCS) -> list[str]:
    """'missing docs/en/x.md (twin of docs/sv/x.md)' for each page that lacks its twin."""
    out = []
    for name in sorted(page_names(docs)):
        have = [lang for lang in LANGS if twin(docs, name, lang).is_file()]
        for lang in set(LANGS) - set(have):
            out.append(
                f"missing {twin(docs, name, lang).relative_to(docs.parent)} (twin of "
                f"{twin(docs, name, have[0]).relative_to(docs.parent)})"
            )
    return out
