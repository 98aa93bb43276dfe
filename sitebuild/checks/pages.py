"""The page set: every page exists as name.sv.md and name.en.md."""

from pathlib import Path

from sitebuild import LANGS


def page_names(docs: Path) -> set[str]:
    return {p.name.rsplit(".", 2)[0] for lang in LANGS for p in docs.rglob(f"*.{lang}.md")}


def twin(docs: Path, name: str, lang: str) -> Path:
    return docs / f"{name}.{lang}.md"


def missing_twins(docs: Path) -> list[str]:
    """'docs/x.en.md (twin of docs/x.sv.md)' for each page that lacks its twin."""
    out = []
    for name in sorted(page_names(docs)):
        have = [lang for lang in LANGS if twin(docs, name, lang).is_file()]
        for lang in set(LANGS) - set(have):
            out.append(
                f"missing {twin(docs, name, lang).relative_to(docs.parent)} (twin of "
                f"{twin(docs, name, have[0]).relative_to(docs.parent)})"
            )
    return out
