#!/usr/bin/python3
"""Puts colour emoji into a screenshot SVG made by `cognito-explorer render --format svg`.

rsvg-convert draws text through outlines, so the bitmaps of a colour emoji font come out as
black blobs. This script replaces each `<text class="... cte-emoji">` element (one wide
character in its two cells) with an `<image>` holding the font's own bitmap of that emoji, in
the same cells. HarfBuzz's hb-shape finds the glyph (so sequences joined with U+200D work), and
fontTools reads the PNG from the font's CBDT table. Emoji the font cannot draw as one glyph stay
text. Usage: emoji.py FILE.svg... (the files are rewritten in place).
"""
import base64
import json
import re
import subprocess
import sys

from fontTools.ttLib import TTFont

FONT = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"
CELL_HEIGHT = 19.0
BASELINE = 14.0
TEXT = re.compile(
    r'<text class="[^"]*\bcte-emoji\b[^"]*" x="(?P<x>[\d.]+)" y="(?P<y>[\d.]+)" '
    r'textLength="(?P<width>[\d.]+)" xml:space="preserve">(?P<text>[^<]+)</text>'
)


def bitmap(font, strike, text):
    """The PNG bytes of `text` when the font draws it as exactly one glyph, else None."""
    shaped = subprocess.run(
        ["hb-shape", "--font-file", FONT, "--output-format=json", "--no-glyph-names", text],
        check=True, capture_output=True, text=True,
    ).stdout
    glyphs = json.loads(shaped)
    if len(glyphs) != 1:
        return None
    name = font.getGlyphName(glyphs[0]["g"])
    glyph = strike.get(name)
    return glyph.imageData if glyph is not None else None


def main(paths):
    font = TTFont(FONT)
    strike = font["CBDT"].strikeData[0]
    cache = {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            svg = handle.read()

        def replace(match):
            text = match["text"]
            if text not in cache:
                cache[text] = bitmap(font, strike, text)
            data = cache[text]
            if data is None:
                return match[0]
            width = float(match["width"])
            size = min(width, CELL_HEIGHT) - 1
            x = float(match["x"]) + (width - size) / 2
            y = float(match["y"]) - BASELINE + (CELL_HEIGHT - size) / 2
            encoded = base64.b64encode(data).decode("ascii")
            return (f'<image x="{x:.1f}" y="{y:.1f}" width="{size:.1f}" height="{size:.1f}" '
                    f'href="data:image/png;base64,{encoded}"><title>{text}</title></image>')

        svg = TEXT.sub(replace, svg)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(svg)


if __name__ == "__main__":
    main(sys.argv[1:])
