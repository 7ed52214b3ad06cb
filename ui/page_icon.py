"""The tab's icon, drawn here: a `:material/…:` icon made Streamlit fetch an SVG from
fonts.gstatic.com on every page, which a closed office network cannot reach (the tab showed no
icon and the browser waited on it). Three small bars on the charts' blue, made once."""

import functools

from PIL import Image, ImageDraw

from analytics.chart_style import BLUE  # the first line of every chart

SIZE = 64


@functools.cache
def icon() -> Image.Image:
    picture = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((0, 0, SIZE - 1, SIZE - 1), radius=12, fill=BLUE)
    # three bars that dip and recover ("pulih"), on a base line
    for left, top in ((12, 22), (27, 36), (42, 14)):
        draw.rectangle((left, top, left + 10, 50), fill="white")
    draw.line([(8, 53), (56, 53)], fill="white", width=3)
    return picture
