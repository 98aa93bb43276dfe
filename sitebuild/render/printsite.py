"""MkDocs hook: a print page per language, print_page.html (sv) and print_page.en.html.

mkdocs-print-site writes one print page per build and knows nothing of languages; mkdocs-static-i18n runs one
build per language on the same plugin instances. This hook, in each language's build:
- names and titles that language's print page, before print-site's on_config; every print page sits at the site
  root, where print-site computes its image and attachment paths from;
- keeps print-site's CSS and JS off every other page;
- before print-site renders the print page: gives it a relative base (for file://), a language switcher between
  the print pages, and repairs two kinds of links: anchors that print-site prefixes in links but not on their
  targets (it renames only heading, sup and li ids), and links to pages that are not in the print page.
"""

import re

from mkdocs.plugins import event_priority
from mkdocs_print_site_plugin.urls import get_page_key

HREF = re.compile(r'href="#([^"]+)"')
SECTION = re.compile(r'<section class="print-page" id="([^"]+)"')
ID = re.compile(r'\sid="([^"]+)"')
TITLES = {"sv": ("Utskriftsversion", "Innehåll"), "en": ("Print version", "Contents")}
PRINT_SITE_ASSETS = ("css/print-site", "js/print-site")
print_assets: dict[str, list[str]] = {}  # extra_css / extra_javascript entries that print-site added
page_urls: dict[str, str] = {}  # print-site's page key -> page URL, for this language's pages


def print_page(config, lang: str) -> str:
    """Path from the site root: print_page.html in the default language, else print_page.<lang>.html."""
    return "print_page.html" if lang == config.plugins["i18n"].default_language else f"print_page.{lang}.html"


@event_priority(100)  # before print-site's on_config (0) and i18n's (-100)
def on_config(config):
    printsite, i18n = config.plugins["print-site"], config.plugins["i18n"]
    lang = i18n.current_language or i18n.default_language  # i18n sets it before each later language's build
    printsite.config["print_page_basename"] = print_page(config, lang).removesuffix(".html")
    printsite.config["print_page_title"], printsite.config["toc_title"] = TITLES[lang]
    return config


def on_pre_build(config):  # after every on_config: print-site's CSS and JS are for the print page only
    for key in ("extra_css", "extra_javascript"):
        print_assets[key] = list(dict.fromkeys(str(i) for i in config[key] if str(i).startswith(PRINT_SITE_ASSETS)))
        config[key] = [item for item in config[key] if not str(item).startswith(PRINT_SITE_ASSETS)]


def on_env(env, config, files):  # after i18n has picked this language's files
    page_urls.clear()
    page_urls.update({get_page_key(f.url): f.url for f in files.documentation_pages()})


@event_priority(10)  # before print-site's on_post_build, which renders the print page
def on_post_build(config):
    printsite = config.plugins["print-site"]
    for key, assets in print_assets.items():  # every other page is rendered by now
        config[key] = assets + config[key]
    printsite.context["base_url"] = "."  # print-site reuses 404.html's context, whose base is the server root "/"
    # The language switcher links to the other print pages (i18n left it pointing at the last page it rendered).
    alternates = config.extra.alternate or []  # i18n sets the attribute, which the template reads first
    config.extra.alternate = [{**alt, "link": print_page(config, alt["lang"])} for alt in alternates]
    combine = printsite.renderer.write_combined

    def write_combined():
        content, toc = combine()
        return repair_links(content, page_urls), toc

    printsite.renderer.write_combined = write_combined


def repair_links(html: str, urls: dict[str, str]) -> str:
    """Make print-site's in-page links land: rename id="x" to id="<page>-x" inside a page's section where a link
    wants that, and point links to pages that are not in the print page (no section) back to those pages."""
    wanted = set(HREF.findall(html)) - set(ID.findall(html))
    parts = SECTION.split(html)  # [head, key, body, key, body, ...]
    out = [parts[0]]
    for key, body in zip(parts[1::2], parts[2::2], strict=True):

        def rename(match, key=key):
            new = f"{key}-{match.group(1)}"
            return f' id="{new}"' if new in wanted else match.group(0)

        out.append(f'<section class="print-page" id="{key}"' + ID.sub(rename, body))
    html = "".join(out)
    ids, outside = set(ID.findall(html)), sorted(set(urls) - set(parts[1::2]), key=len, reverse=True)

    def relink(match):
        target = match.group(1)
        key = next((k for k in outside if target == k or target.startswith(k + "-")), None)
        if target in ids or key is None:
            return match.group(0)
        anchor = target[len(key) + 1 :]
        return f'href="{urls[key]}' + (f"#{anchor}" if anchor else "") + '"'

    return HREF.sub(relink, html)
