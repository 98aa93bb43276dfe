"""MkDocs hooks: the one entry point of build-time code (see mkdocs.yml `hooks:`)."""

import json
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitebuild import LANGS, figures  # noqa: E402
from sitebuild.outputs import PROVENANCE  # noqa: E402
from sitebuild.pages import missing_twins  # noqa: E402
from sitebuild.snippets import SnippetError, check_includes  # noqa: E402

PROVENANCE_NOTE = {
    "sv": '!!! info "Körda exempel"\n    All utdata på sidan kommer från att köra koden ovan med '
    "TensorFlow {tensorflow}, Keras {keras} och Python {python} på {cpu} ({date}).\n",
    "en": '!!! info "Executed examples"\n    Every output on this page comes from running the code above with '
    "TensorFlow {tensorflow}, Keras {keras} and Python {python} on {cpu} ({date}).\n",
}


def page_lang(page) -> str:
    return getattr(page.file, "locale", None) or LANGS[0]


def on_pre_build(config):
    if problems := missing_twins(Path(config.docs_dir)):
        raise PluginError("pages without their twin:\n  " + "\n  ".join(problems))
    try:
        figures.render_all()
    except figures.FigureError as err:
        raise PluginError(f"figure failed: {err}") from None


def on_page_markdown(markdown, page, config, files):
    try:
        check_includes(markdown, f"docs/{page.file.src_uri}")
    except SnippetError as err:
        raise PluginError(str(err)) from None
    if "snippets/output/" in markdown:
        facts = json.loads(PROVENANCE.read_text(encoding="utf-8"))
        markdown += "\n\n" + PROVENANCE_NOTE[page_lang(page)].format(**facts)
    return markdown
