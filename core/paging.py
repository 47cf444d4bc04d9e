"""Paginated lists: page links (templates/components/pagination.html), one page of a list whose count may be known
already, and a paginator that counts no further than a bound."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

# The most items a long listing counts: 50 pages of 20.
COUNTED_AT_MOST = 1000


def paginate(items, page_number, per_page, count=None):
    """One page of `items`; a missing or invalid number gives the first (or last) page rather than an error. Their
    `count`, when known already (kept in the cache, say), is not asked of the database."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    return paginator.get_page(page_number)


class BoundedPaginator(Paginator):
    """A paginator whose count stops at `at_most` items: the database reads no more than that many, whatever the
    size of the list, and the list shows its first `at_most` items (`is_bounded` then says there are more, which
    its filters narrow down)."""

    def __init__(self, object_list, per_page, at_most=None):
        super().__init__(object_list, per_page)
        self.at_most = COUNTED_AT_MOST if at_most is None else at_most

    @cached_property
    def counted(self):
        # A count of a sliced queryset is a count of a subquery that stops at its limit.
        return self.object_list[: self.at_most + 1].count()

    @property
    def count(self):
        return min(self.counted, self.at_most)

    @property
    def is_bounded(self):
        return self.counted > self.at_most


def query_without(request, name="page"):
    """The GET parameters but one (a page number), for links to another page that keep the others."""
    params = request.GET.copy()
    params.pop(name, None)
    return params.urlencode()
