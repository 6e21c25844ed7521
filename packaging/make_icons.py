"""Draw the program's icon (an open book crossed by a scanner's red line) in every size needed.

    python packaging/make_icons.py

Writes bookroom_desk/resources/icons/: bookroom-desk.ico (16-256 px, for Windows: the .exe,
the installer and the shortcuts) and bookroom-desk-<size>.png (16-512 px, for the window and
Linux's hicolor theme). The results are committed; run again only after changing the drawing.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "bookroom_desk" / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
BLUE = (21, 101, 192, 255)  # the navigation's selection colour (ui/style.py)
DARK = (13, 71, 161, 255)
PAGE = (255, 255, 255, 255)
LINE = (120, 144, 156, 255)
RED = (229, 57, 53, 255)
SUPER = 8  # drawn this many times larger, then scaled down: smooth edges at every size


def draw(size: int) -> Image.Image:
    """The icon at ``size`` pixels; the smallest sizes drop the page lines, which would only blur."""
    s = size * SUPER
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    u = s / 64  # the drawing is designed on a 64-unit grid

    def box(x0: float, y0: float, x1: float, y1: float) -> list[float]:
        return [x0 * u, y0 * u, x1 * u, y1 * u]

    d.rounded_rectangle(box(2, 2, 62, 62), radius=12 * u, fill=BLUE)
    # An open book: two pages meeting at the spine, a darker cover edge below.
    d.polygon([(p[0] * u, p[1] * u) for p in ((8, 18), (31, 22), (31, 50), (8, 46))], fill=PAGE)
    d.polygon([(p[0] * u, p[1] * u) for p in ((56, 18), (33, 22), (33, 50), (56, 46))], fill=PAGE)
    d.polygon([(p[0] * u, p[1] * u) for p in ((8, 46), (31, 50), (33, 50), (56, 46), (56, 49), (33, 53),
                                             (31, 53), (8, 49))], fill=DARK)
    if size >= 32:
        width = max(1, round(1.6 * u))
        for y in (27, 32, 37):
            d.line([(12 * u, (y - 3) * u), (27 * u, y * u)], fill=LINE, width=width)
            d.line([(37 * u, y * u), (52 * u, (y - 3) * u)], fill=LINE, width=width)
    # The scanner's line across the book, thicker when small so it stays visible.
    half = (2.2 if size >= 32 else 3.2) * u
    d.rounded_rectangle([4 * u, 36 * u - half, 60 * u, 36 * u + half], radius=half, fill=RED)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        draw(size).save(OUT / f"bookroom-desk-{size}.png", optimize=True)
    largest = draw(256)
    largest.save(OUT / "bookroom-desk.ico", sizes=[(n, n) for n in ICO_SIZES],
                 append_images=[draw(n) for n in ICO_SIZES if n != 256])
    print(f"wrote {len(PNG_SIZES)} PNG and 1 ICO ({len(ICO_SIZES)} sizes) to {OUT}")


if __name__ == "__main__":
    main()
