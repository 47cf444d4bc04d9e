"""Page links of paginated lists (templates/components/pagination.html)."""


def query_without(request, name="page"):
    """The GET parameters but one (a page number), for links to another page that keep the others."""
    params = request.GET.copy()
    params.pop(name, None)
    return params.urlencode()
