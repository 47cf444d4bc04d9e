"""The resources' sections most tests write in: the wiki and the tool sheets, under the home page."""

import pytest

from ..factories import ResourceIndexPageFactory, ToolSheetIndexPageFactory


@pytest.fixture
def wiki(home):
    return ResourceIndexPageFactory(parent=home)


@pytest.fixture
def sheets(home):
    return ToolSheetIndexPageFactory(parent=home)
