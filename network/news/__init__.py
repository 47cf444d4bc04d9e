"""Network news: an index under the home page, dated and tagged news items, their Atom and RSS feeds."""
