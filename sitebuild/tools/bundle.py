"""The offline bundle: a zip of the built site that opens from disk (index.html) with no server.

    python -m sitebuild.tools.bundle [SITE_DIR]    # writes SITE_DIR/djupinlarning.zip

Everything sits under one folder in the zip, so unzipping does not scatter files; downloads made later (the PDFs),
the zip itself and the theme's source maps are left out, and so are the pages' hreflang links to the published
site (sitebuild/render/switcher.py), which a copy on disk would otherwise ask for the published sitemaps.
"""

import sys
import zipfile
from pathlib import Path

from sitebuild import ROOT
from sitebuild.render import switcher

NAME = "djupinlarning"
ZIP = f"{NAME}.zip"
LEFT_OUT = (".zip", ".pdf", ".gz", ".map")  # bundles of their own, the sitemap's compressed copy, source maps


def write_zip(site: Path, dest: Path | None = None) -> Path:
    """Zip `site` into `dest` (default: inside the site, for readers to download), deterministically."""
    dest = dest or site / ZIP
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.name.endswith(LEFT_OUT))
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in files:
            info = zipfile.ZipInfo(f"{NAME}/{path.relative_to(site).as_posix()}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            data = path.read_bytes()
            if path.suffix == ".html":
                data = switcher.offline(data.decode("utf-8")).encode("utf-8")
            bundle.writestr(info, data)
    return dest


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "index.html").is_file():
        sys.exit(f"no built site in {site}: run `nox -s build` first")
    out = write_zip(site)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB); unzip it and open {NAME}/index.html")
