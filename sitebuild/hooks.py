"""MkDocs hooks: the one entry point of build-time code (see mkdocs.yml `hooks:`)."""

import json
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # figures that train must not flood the build log

from sitebuild import LANGS, ROOT  # noqa: E402
from sitebuild.checks.pages import missing_twins  # noqa: E402
from sitebuild.examples.outputs import PROVENANCE  # noqa: E402
from sitebuild.examples.snippets import SnippetError, check_includes  # noqa: E402
from sitebuild.generate import benchmark, figures, glossary, notebooks, quiz  # noqa: E402
from sitebuild.render import search, slim  # noqa: E402
from sitebuild.render.printsite import print_page  # noqa: E402

PROVENANCE_NOTE = {
    "sv": '!!! info "Körda exempel"\n    All utdata på sidan kommer från att köra koden ovan med '
    "TensorFlow {tensorflow}, Keras {keras} och Python {python} på {cpu} ({date}).\n",
    "en": '!!! info "Executed examples"\n    Every output on this page comes from running the code above with '
    "TensorFlow {tensorflow}, Keras {keras} and Python {python} on {cpu} ({date}).\n",
}


def page_lang(page) -> str:
    return getattr(page.file, "locale", None) or LANGS[0]


def on_pre_build(config):
    if str(ROOT) not in sys.path:  # mkdocs restores sys.path after loading hooks; figures import snippets.*
        sys.path.insert(0, str(ROOT))
    if problems := missing_twins(Path(config.docs_dir)):
        raise PluginError("pages without their twin:\n  " + "\n  ".join(problems))
    try:  # cheap checks first: a bad data file fails before any figure is drawn
        quiz.current(Path(config.docs_dir))
    except quiz.QuizError as err:
        raise PluginError(f"quiz: {err}") from None
    benchmark.prepare()  # cached run, or a measurement now; failures become a notice on the page
    try:
        figures.render_all()
    except figures.FigureError as err:
        raise PluginError(f"figure failed: {err}") from None
    try:
        glossary.current()
    except glossary.GlossaryError as err:
        raise PluginError(f"glossary: {err}") from None
    try:
        notebooks.generate()
    except notebooks.NotebookError as err:
        raise PluginError(str(err)) from None


@event_priority(-110)  # after mkdocs-static-i18n (-100), which drops mkdocs-jupyter's pages
def on_files(files, config):
    return notebooks.site_files(files, config)


def on_page_markdown(markdown, page, config, files):
    try:
        check_includes(markdown, f"docs/{page.file.src_uri}")
    except SnippetError as err:
        raise PluginError(str(err)) from None
    if "snippets/output/" in markdown:
        facts = json.loads(PROVENANCE.read_text(encoding="utf-8"))
        markdown += "\n\n" + PROVENANCE_NOTE[page_lang(page)].format(**facts)
    markdown = notebooks.run_box(markdown, page_lang(page))
    markdown = benchmark.insert(markdown, page_lang(page))
    quizzes = quiz.current(Path(config.docs_dir))  # checked in on_pre_build
    markdown = quiz.apply(markdown, page_lang(page), quiz.page_slug(page.file), quizzes, quiz.page_urls(page, files))
    return glossary.apply(markdown, page_lang(page), glossary.current(), Path(config.docs_dir))


def on_page_content(html, page, config, files):
    if isinstance(page.file, notebooks.NotebookPage):
        html = notebooks.offline(html)
    else:
        html = slim.code(html)
    return glossary.tidy_tooltips(html)


def on_post_page(output, page, config):
    return search.language_base(output, page_lang(page))


@event_priority(-120)  # after Material's offline plugin (-100) has written the shared index
def on_post_build(config):
    if config.plugins["i18n"].building:  # a later language's build, inside the default language's
        return
    site = Path(config.site_dir)
    search.split_index(site)
    search.stem_queries(site)
    for sheet in config.extra_css:
        (site / sheet).write_text(slim.css((site / sheet).read_text(encoding="utf-8")), encoding="utf-8")
    for lang in LANGS[1:]:  # print pages sit at the site root; print-site renders them after on_post_page
        page = site / print_page(config, lang)
        if page.is_file():
            page.write_text(search.language_base(page.read_text(encoding="utf-8"), lang), encoding="utf-8")
