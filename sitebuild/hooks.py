"""MkDocs hooks: the one entry point of build-time code inside MkDocs (mkdocs.yml `hooks:`).

Each language is its own MkDocs site (mkdocs.yml, mkdocs.en.yml). Everything the pages embed is generated before
MkDocs starts (`python -m sitebuild.generate`, which `nox -s build` and `nox -s serve` run); these hooks only
read it and shape each page: snippet checks, the provenance note, download boxes, benchmark blocks, quizzes,
open-answer boxes and exam mode, glossary links, the language switcher, and a few bytes less per page.
"""

import json
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitebuild import MARKER, ROOT, lang_dir, text  # noqa: E402
from sitebuild.checks.pages import missing_twins  # noqa: E402
from sitebuild.examples.outputs import PROVENANCE  # noqa: E402
from sitebuild.examples.snippets import SnippetError, check_includes  # noqa: E402
from sitebuild.generate import benchmark, exam, glossary, notebooks, quiz  # noqa: E402
from sitebuild.generate import run as generate  # noqa: E402
from sitebuild.render import figures, printsite, search, slim, switcher, templates  # noqa: E402

serving = False
languages: list[dict] = []  # the switcher's entries as configured: each language's root
page_urls: list[str] = []  # this build's documentation pages, for the print page's links
notebook_css: list[str] = []  # the notebook pages' stylesheet, written once per site after the build


def lang_of(config) -> str:
    return config.theme["language"]


def docs_root(config) -> Path:
    """docs/, which holds each language's docs_dir and the quiz data."""
    return Path(config.docs_dir).parent


def on_startup(command, dirty):
    global serving
    serving = command == "serve"


@event_priority(100)  # before print-site's on_config, whose print page takes its canonical URL from site_url there
def on_config(config):
    if serving:  # `mkdocs serve` sets site_url to its own address, which is neither language's published root
        config.site_url = ""
    config.site_url = switcher.site_url(config, lang_dir(lang_of(config)))  # en/ below the Swedish site's
    languages[:] = switcher.roots(config)


def on_pre_build(config):
    if str(ROOT) not in sys.path:  # mkdocs restores sys.path after loading hooks
        sys.path.insert(0, str(ROOT))
    if problems := missing_twins(docs_root(config)):
        raise PluginError("pages without their twin:\n  " + "\n  ".join(problems))
    if serving:  # a build runs the generators before MkDocs starts; a preview, on every change
        try:
            generate.all(only=[lang_of(config)])
        except generate.GenerationError as err:
            raise PluginError(str(err)) from None
    try:
        quiz.current(docs_root(config))
        glossary.current()
    except (quiz.QuizError, glossary.GlossaryError) as err:
        raise PluginError(str(err)) from None


def on_env(env, config, files):
    env.bytecode_cache = templates.TemplateCache()
    return env


def on_files(files, config):
    page_urls[:] = [f.url for f in files.documentation_pages()]
    files.append(File.generated(config, exam.SITE_TEXT, content=exam.site_text(lang_of(config))))
    return files


def on_page_markdown(markdown, page, config, files):
    lang = lang_of(config)
    try:
        check_includes(markdown, f"{docs_root(config).name}/{lang}/{page.file.src_uri}")
    except SnippetError as err:
        raise PluginError(str(err)) from None
    if "snippets/output/" in markdown:
        facts = json.loads(PROVENANCE.read_text(encoding="utf-8"))
        markdown += "\n\n" + text(lang, "provenance_note").format(**facts)
    markdown = notebooks.run_box(markdown, lang)
    markdown = benchmark.insert(markdown, lang)
    quizzes, slug, urls = quiz.current(docs_root(config)), quiz.page_slug(page.file), quiz.page_urls(page, files)
    markdown = quiz.apply(markdown, lang, slug, quizzes, urls)
    glossary_page = files.get_file_from_path("glossary.md")  # for the hint of the terms an answer uses
    glossary_url = glossary_page.url_relative_to(page.file) if glossary_page else None
    sources = lambda: {s: (Path(config.docs_dir) / f"{s}.md").read_text(encoding="utf-8") for s in quizzes}  # noqa: E731
    try:
        markdown = exam.apply(markdown, lang, slug, quizzes, urls, glossary_url, sources)
    except exam.ExamError as err:
        raise PluginError(str(err)) from None
    markdown = glossary.apply(markdown, lang, glossary.current(), docs_root(config))
    if left := MARKER.search(markdown):  # a typo, or a block no generator writes
        lines = page.file.content_string.splitlines()
        where = next((f":{n}" for n, text_ in enumerate(lines, 1) if left[0] in text_), " (inserted by the build)")
        raise PluginError(f"{docs_root(config).name}/{lang}/{page.file.src_uri}{where}: unknown marker {left[0]}")
    return markdown


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        html, css = notebooks.shared_styles(notebooks.offline(html), page.file.url)
        if css:  # the same JupyterLab CSS on every notebook page
            notebook_css[:] = [css]
    else:
        html = slim.code(html)
    return figures.pair(glossary.tidy_tooltips(html), config.docs_dir)


def on_page_context(context, page, config, nav):
    config.extra["scope"] = switcher.scope(context["base_url"], languages)  # the template reads it next
    return context


def on_post_page(output, page, config):
    config.extra["scope"] = switcher.scope(".", languages)  # for the pages rendered later at the root (print)
    return finish(output, page.file.url, config)


def on_post_template(output_content, template_name, config):
    """The theme's static pages: 404.html, at the root of each language's site."""
    return finish(output_content, template_name, config) if template_name.endswith(".html") else output_content


def finish(html: str, url: str, config) -> str:
    """What every written page gets: a named search dialog, slimmer HTML, the switcher and hreflang links."""
    html = slim.page(search.named(html, text(lang_of(config), "search_dialog")))
    return switcher.apply(html, url, languages)


@event_priority(-10)  # after print-site has written the print page
def on_post_build(config):
    site = Path(config.site_dir)
    search.stem_queries(site)
    for sheet in config.extra_css:
        (site / sheet).write_text(slim.css((site / sheet).read_text(encoding="utf-8")), encoding="utf-8")
    for script in config.extra_javascript:  # the theme's own (print-site's is the plugin's, site-text.js compact)
        if (source := Path(config.theme.custom_dir) / str(script)).is_file():
            (site / str(script)).write_text(slim.js(source.read_text(encoding="utf-8"), str(source)), encoding="utf-8")
    figures.print_page(site)  # print-site took each page's HTML before on_page_content
    printsite.tidy(site, page_urls, languages)
    if notebook_css:
        (site / notebooks.STYLESHEET).write_text(notebook_css[0], encoding="utf-8")
