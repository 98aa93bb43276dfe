"""What lies under each label of a figure: the colour behind its text, found from the SVG's geometry.

No renderer is needed for the SVG that matplotlib writes (and _svg.py compacts): labels() walks the elements in
paint order, with their transforms, clip rectangles and the style sheet's classes, and at a few points inside each
label's box composites the fills of the shapes under it (paths as polygons, markers drawn by <use>, the pixels of
embedded PNGs) over the page's background. Strokes are left out: a label that crosses a line is still read against
the area around it. The box of a label is estimated from its font size (DejaVu Sans), not measured.

The dark variant (_palette.py) keeps the colour of a label that sits on an embedded image, which it does not
recolour; tests/test_figures.py checks every label's contrast against what lies under it, in both variants.
"""

import base64
import functools
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
INHERITED = {"fill", "fill-opacity", "fill-rule", "font-family", "font-size", "font-weight", "text-anchor"}
INITIAL = {"fill": "#000000", "fill-opacity": "1", "fill-rule": "nonzero", "font-size": "16px", "font-weight": "400"}
INITIAL |= {"text-anchor": "start", "font-family": "DejaVu Sans"}
RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
PATH_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
NAMED = {"none": None, "white": "#ffffff", "black": "#000000"}


@dataclass
class Label:
    index: int  # its place among the <text> elements, in document order
    text: str
    fill: str  # #rrggbb as painted (own style, class, or inherited)
    alpha: float
    size: float  # font size in the SVG's user units (px)
    bold: bool
    under: list[tuple[str, bool]] = field(default_factory=list)  # per sample point: colour, and whether an image
    # was painted last there

    @property
    def on_image(self) -> bool:
        return sum(image for _, image in self.under) * 2 > len(self.under)

    @property
    def large(self) -> bool:
        """WCAG's large text: 18 pt (24 px), or 14 pt (18.66 px) bold."""
        return self.size >= 24 or (self.bold and self.size >= 18.66)


@functools.cache
def typeface(mono: bool, bold: bool):
    """DejaVu Sans (Mono), as matplotlib ships it, at 100 px: to measure a label's width."""
    import importlib.util

    from PIL import ImageFont

    folder = Path(importlib.util.find_spec("matplotlib").submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"
    return ImageFont.truetype(str(folder / f"DejaVuSans{'Mono' if mono else ''}{'-Bold' if bold else ''}.ttf"), 100)


def hex6(colour: str | None) -> str | None:
    if colour is None:
        return None
    colour = NAMED.get(colour.strip().lower(), colour.strip().lower())
    if colour and re.fullmatch(r"#[0-9a-f]{3}", colour):
        colour = "#" + "".join(c * 2 for c in colour[1:])
    return colour


def declarations(style: str) -> dict[str, str]:
    return {k.strip(): v.strip() for k, _, v in (d.partition(":") for d in style.split(";")) if v.strip()}


def style_sheet(root) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, str]]:
    """The declarations of the `*` rule, of each class and of `svg`, from the SVG's <style> elements."""
    universal, classes, svg = {}, {}, {}
    for node in root.iter(f"{SVG}style"):
        for selectors, body in RULE.findall(node.text or ""):
            for selector in selectors.split(","):
                selector = selector.strip()
                if selector == "*":
                    universal.update(declarations(body))
                elif selector == "svg":
                    svg.update(declarations(body))
                elif selector.startswith("."):
                    classes.setdefault(selector[1:], {}).update(declarations(body))
    return universal, classes, svg


def matrix(transform: str | None) -> np.ndarray:
    """An SVG transform list as a 3×3 affine matrix."""
    m = np.eye(3)
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", transform or ""):
        v = [float(x) for x in NUMBER.findall(args)]
        if name == "translate":
            t = np.array([[1, 0, v[0]], [0, 1, v[1] if len(v) > 1 else 0], [0, 0, 1]])
        elif name == "scale":
            t = np.diag([v[0], v[1] if len(v) > 1 else v[0], 1])
        elif name == "rotate":
            a = np.radians(v[0])
            t = np.array([[np.cos(a), -np.sin(a), 0], [np.sin(a), np.cos(a), 0], [0, 0, 1]])
            if len(v) == 3:
                t = matrix(f"translate({v[1]} {v[2]})") @ t @ matrix(f"translate({-v[1]} {-v[2]})")
        elif name == "matrix":
            t = np.array([[v[0], v[2], v[4]], [v[1], v[3], v[5]], [0, 0, 1]])
        else:
            raise ValueError(f"unknown SVG transform {name}")
        m = m @ t
    return m


def polygons(d: str) -> list[np.ndarray]:
    """The outline of a path as polygons (curves flattened), one per subpath, in its own coordinates."""
    tokens, out, points, pen, start, cmd = PATH_TOKEN.findall(d), [], [], (0.0, 0.0), (0.0, 0.0), ""
    i = 0

    def take(n):
        nonlocal i
        values = [float(t) for t in tokens[i : i + n]]
        i += n
        return values

    while i < len(tokens):
        if tokens[i].isalpha():
            cmd, i = tokens[i], i + 1
        rel = cmd.islower()
        dx, dy = pen if rel else (0.0, 0.0)
        c = cmd.upper()
        if c == "Z":
            if points:
                out.append(np.array(points))
            points, pen = [], start
            continue
        if c == "M":
            x, y = take(2)
            if points:
                out.append(np.array(points))
            pen = start = (x + dx, y + dy)
            points = [pen]
            cmd = "l" if rel else "L"  # further pairs are line-tos
        elif c == "L":
            x, y = take(2)
            pen = (x + dx, y + dy)
            points.append(pen)
        elif c == "H":
            pen = (take(1)[0] + dx, pen[1])
            points.append(pen)
        elif c == "V":
            pen = (pen[0], take(1)[0] + dy)
            points.append(pen)
        elif c in "CQ":
            n = 3 if c == "C" else 2
            v = take(2 * n)
            ctrl = [pen] + [(v[2 * k] + dx, v[2 * k + 1] + dy) for k in range(n)]
            for t in np.linspace(0, 1, 9)[1:]:
                p = ctrl
                while len(p) > 1:  # de Casteljau
                    p = [((1 - t) * a[0] + t * b[0], (1 - t) * a[1] + t * b[1]) for a, b in zip(p, p[1:], strict=False)]
                points.append(p[0])
            pen = points[-1]
        else:
            raise ValueError(f"path command {cmd} is not supported")
    if points:
        out.append(np.array(points))
    return out


def winding(point, polys: list[np.ndarray]) -> int:
    """The winding number of the polygons around a point (nonzero: inside)."""
    x, y, total = point[0], point[1], 0
    for poly in polys:
        a, b = poly, np.roll(poly, -1, axis=0)
        up = (a[:, 1] <= y) & (b[:, 1] > y)
        down = (a[:, 1] > y) & (b[:, 1] <= y)
        cross = (b[:, 0] - a[:, 0]) * (y - a[:, 1]) - (x - a[:, 0]) * (b[:, 1] - a[:, 1])
        total += int(np.count_nonzero(up & (cross > 0)) - np.count_nonzero(down & (cross < 0)))
    return total


@dataclass
class Paint:
    """One filled shape or image, in the root's coordinates."""

    box: tuple[float, float, float, float]  # x0, y0, x1, y1, clip included
    colour: tuple[float, float, float] | None = None  # a shape's fill, 0..1
    alpha: float = 1.0
    polys: list = field(default_factory=list)
    evenodd: bool = False
    pixels: np.ndarray | None = None  # an image's RGBA, 0..1
    to_pixel: np.ndarray | None = None  # root coordinates -> pixel coordinates

    def sample(self, p) -> tuple[tuple[float, float, float], float] | None:
        x0, y0, x1, y1 = self.box
        if not (x0 <= p[0] <= x1 and y0 <= p[1] <= y1):
            return None
        if self.pixels is not None:
            u, v, _ = self.to_pixel @ (p[0], p[1], 1)
            h, w = self.pixels.shape[:2]
            if not (0 <= u < w and 0 <= v < h):
                return None
            rgba = self.pixels[int(v), int(u)]
            return tuple(rgba[:3]), float(rgba[3]) * self.alpha
        n = winding(p, self.polys)
        return (self.colour, self.alpha) if (n % 2 if self.evenodd else n) else None


def rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5))


def to_hex(c) -> str:
    return "#" + "".join(f"{round(min(max(v, 0), 1) * 255):02x}" for v in c)


def blend(top, alpha: float, below):
    return tuple(alpha * t + (1 - alpha) * b for t, b in zip(top, below, strict=True))


def labels(svg: str, page: str = "#ffffff") -> list[Label]:
    """Every <text> of the SVG with its colour and, at points across its box, the colour under it (shapes and
    images composited over `page`, the background the figure is shown on)."""
    root = ET.fromstring(svg)
    universal, classes, svg_rule = style_sheet(root)
    ids = {node.get("id"): node for node in root.iter() if node.get("id")}
    clips = {}
    for clip in root.iter(f"{SVG}clipPath"):
        rect = clip.find(f"{SVG}rect")
        if rect is not None:
            x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
            clips[clip.get("id")] = (x, y, x + float(rect.get("width")), y + float(rect.get("height")))

    def own(node) -> dict[str, str]:
        props = dict(universal)
        if node is root:
            props.update(svg_rule)
        for attr in INHERITED | {"opacity"}:
            if node.get(attr) is not None and attr not in props:
                props[attr] = node.get(attr)  # a presentation attribute: below every CSS rule
        for name in (node.get("class") or "").split():
            props.update(classes.get(name, {}))
        props.update(declarations(node.get("style") or ""))
        return props

    paints: list[Paint] = []
    found: list[tuple[Label, list]] = []

    def clipped(points: np.ndarray, ctm, clip) -> tuple[float, float, float, float]:
        """The box, in root coordinates, of points in an element's coordinates, cut to the clip box."""
        pts = (ctm @ np.c_[points, np.ones(len(points))].T).T[:, :2]
        (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
        if clip:
            x0, y0, x1, y1 = max(x0, clip[0]), max(y0, clip[1]), min(x1, clip[2]), min(y1, clip[3])
        return x0, y0, x1, y1

    def shape(node, props, ctm, clip, d: str):
        fill = hex6(props.get("fill"))
        alpha = float(props.get("fill-opacity", 1)) * float(props.get("opacity", 1))
        polys = polygons(d) if fill and alpha > 0 else []
        if polys:
            box = clipped(np.vstack(polys), ctm, clip)
            in_root = [(ctm @ np.c_[p, np.ones(len(p))].T).T[:, :2] for p in polys]
            paints.append(Paint(box, rgb(fill), alpha, in_root, props.get("fill-rule") == "evenodd"))

    def image(node, props, ctm, clip):
        from PIL import Image

        href = node.get(XLINK) or node.get("href") or ""
        if not href.startswith("data:image/png;base64,"):
            return
        pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(href.split(",", 1)[1]))).convert("RGBA")) / 255
        h, w = pixels.shape[:2]
        x, y = float(node.get("x", 0)), float(node.get("y", 0))
        width, height = float(node.get("width", w)), float(node.get("height", h))
        place = matrix(f"translate({x} {y}) scale({width / w} {height / h})")  # pixel -> the element's space
        corners = (place @ np.array([[0, 0, 1], [w, 0, 1], [0, h, 1], [w, h, 1]]).T).T[:, :2]
        box = clipped(corners, ctm, clip)
        alpha = float(props.get("opacity", 1))
        paints.append(Paint(box, alpha=alpha, pixels=pixels, to_pixel=np.linalg.inv(ctm @ place)))

    def text(node, props, ctm, index):
        size = float(NUMBER.match(props.get("font-size", "16")).group())
        pieces = [(node, "".join(node.itertext()))]
        spans = node.findall(f"{SVG}tspan")
        if spans:
            pieces = [(s, s.text or "") for s in spans]
        anchor = props.get("text-anchor", "start")
        weight = props.get("font-weight", "400")
        bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 700)
        font = typeface("Mono" in props.get("font-family", ""), bold)
        points = []
        for piece, content in pieces:
            x, y = float(piece.get("x", node.get("x", 0))), float(piece.get("y", node.get("y", 0)))
            width = font.getlength(content.strip() or " ") / 100 * size
            left = x - {"start": 0, "middle": width / 2, "end": width}.get(anchor, 0)
            for fx in np.linspace(0.05, 0.95, max(2, min(8, len(content)))):
                for fy in (0.15, 0.5):  # above the baseline: low in a lower-case letter, and near its top
                    points.append((left + fx * width, y - fy * size))
        pts = (ctm @ np.c_[np.array(points), np.ones(len(points))].T).T[:, :2]
        fill = hex6(props.get("fill")) or "#000000"
        alpha = float(props.get("fill-opacity", 1)) * float(props.get("opacity", 1))
        label = Label(index, "".join(node.itertext()).strip(), fill, alpha, size, bold)
        found.append((label, pts, len(paints)))

    counter = iter(range(10**9))

    def walk(node, inherited, ctm, clip, in_defs=False):
        tag = node.tag.removeprefix(SVG)
        if tag in ("defs", "clipPath", "style", "metadata", "title", "desc"):
            return
        props = {k: v for k, v in inherited.items() if k in INHERITED}
        props.update(own(node))
        ctm = ctm @ matrix(node.get("transform"))
        if node.get("clip-path") and (rect := clips.get(re.search(r"#([^)]+)", node.get("clip-path"))[1])):
            clip = clipped(np.array([rect[:2], rect[2:], [rect[0], rect[3]], [rect[2], rect[1]]]), ctm, clip)
        if tag == "path":
            shape(node, props, ctm, clip, node.get("d", ""))
        elif tag == "rect":
            x, y = float(node.get("x", 0)), float(node.get("y", 0))
            w, h = float(node.get("width", 0)), float(node.get("height", 0))
            shape(node, props, ctm, clip, f"M {x} {y} H {x + w} V {y + h} H {x} z")
        elif tag == "image":
            image(node, props, ctm, clip)
        elif tag == "use":
            target = ids.get((node.get(XLINK) or node.get("href") or "").lstrip("#"))
            if target is not None:
                place = ctm @ matrix(f"translate({node.get('x', 0)} {node.get('y', 0)})")
                walk_target(target, props, place, clip)
        elif tag == "text":
            text(node, props, ctm, next(counter))
            return
        for child in node:
            walk(child, props, ctm, clip)

    def walk_target(node, props, ctm, clip):
        inner = {k: v for k, v in props.items() if k in INHERITED}
        inner.update(own(node))
        ctm = ctm @ matrix(node.get("transform"))
        if node.tag == f"{SVG}path":
            shape(node, inner, ctm, clip, node.get("d", ""))
        for child in node:
            walk_target(child, inner, ctm, clip)

    walk(root, dict(INITIAL), np.eye(3), None)
    base = rgb(hex6(page))
    boxes = np.array([paint.box for paint in paints]).reshape(-1, 4)
    for label, pts, painted in found:
        for p in pts:
            colour, on_image = base, False
            near = (boxes[:painted, 0] <= p[0]) & (p[0] <= boxes[:painted, 2])
            near &= (boxes[:painted, 1] <= p[1]) & (p[1] <= boxes[:painted, 3])
            for k in np.flatnonzero(near):
                hit = paints[k].sample(p)
                if hit:
                    colour, on_image = blend(hit[0], hit[1], colour), paints[k].pixels is not None
            label.under.append((to_hex(colour), on_image))
    return [label for label, _, _ in found]


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of #rrggbb."""
    c = np.array(rgb(colour))
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(c @ (0.2126, 0.7152, 0.0722))


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def lowest_contrast(label: Label) -> tuple[float, str]:
    """The label's lowest contrast against what lies under it, and that colour."""
    worst = (float("inf"), "")
    for under, _ in label.under:
        shown = to_hex(blend(rgb(label.fill), label.alpha, rgb(under)))
        worst = min(worst, (contrast(shown, under), under))
    return worst
