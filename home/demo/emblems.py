"""The European Union emblem, drawn rather than downloaded: twelve gold stars on blue."""

import math
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

EMBLEM_TITLE = "Emblème de l'Union européenne"
BLUE = (0, 51, 153)
GOLD = (255, 204, 0)


def _star(cx, cy, outer, inner):
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw_eu_flag(width=300, height=200):
    flag = PILImage.new("RGB", (width, height), BLUE)
    draw = ImageDraw.Draw(flag)
    ring, outer = height / 3, height / 18
    for i in range(12):
        angle = i * math.pi / 6
        cx = width / 2 + ring * math.cos(angle)
        cy = height / 2 + ring * math.sin(angle)
        draw.polygon(_star(cx, cy, outer, outer * 0.382), fill=GOLD)
    buffer = BytesIO()
    flag.save(buffer, format="PNG")
    return buffer


def eu_emblem():
    image = Image.objects.filter(title=EMBLEM_TITLE).first()
    if image is None:
        image = Image(title=EMBLEM_TITLE)
        image.file = ImageFile(draw_eu_flag(), name="embleme-ue.png")
        image.save()
    return image
