"""Bar charts drawn on the server as SVG: no script, no request elsewhere, and beside each one the table it draws."""

from dataclasses import dataclass, field

LABEL_WIDTH = 230  # where the bars start, in the drawing's units; a chart is 640 wide
BAR_SPACE = 330  # the longest bar
ROW_HEIGHT = 22
LABEL_LENGTH = 26  # longer labels are cut: the table beside gives them whole


@dataclass
class Bar:
    series: int  # its series' place in the legend, for its colour
    value: float
    width: float
    y: float

    @property
    def value_x(self):
        return LABEL_WIDTH + self.width + 4

    @property
    def value_y(self):
        return self.y + ROW_HEIGHT - 8


@dataclass
class Row:
    label: str
    y: float
    bars: list = field(default_factory=list)


@dataclass
class Chart:
    title: str
    series: list
    rows: list
    height: float
    bars_x: int = LABEL_WIDTH
    labels_x: int = LABEL_WIDTH - 8
    bar_height: int = ROW_HEIGHT - 4


def _short(text):
    text = str(text)
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def _number(value):
    return value if isinstance(value, int | float) and not isinstance(value, bool) else 0


def bar_chart(title, table, label_column, series):
    """A chart of `table`: a group of bars per row, one bar per (column, name) of `series`."""
    # A cell that is no number ("non relevé") draws no bar.
    values = [[_number(row[column]) for column, _name in series] for row in table.rows]
    largest = max((value for group in values for value in group), default=0) or 1
    group_height = ROW_HEIGHT * len(series) + 10
    rows = []
    for index, (row, group) in enumerate(zip(table.rows, values, strict=True)):
        top = 30 + index * group_height
        bars = [
            Bar(number, value, BAR_SPACE * value / largest, top + number * ROW_HEIGHT)
            for number, value in enumerate(group)
        ]
        rows.append(Row(_short(row[label_column]), top + ROW_HEIGHT * len(series) / 2 + 4, bars))
    legend = [(name, 8 + number * 160) for number, (_column, name) in enumerate(series)]
    return Chart(title, legend, rows, 40 + len(rows) * group_height)
