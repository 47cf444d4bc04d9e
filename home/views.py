"""Views of the home app beside the page tree: the site search, the favicon, and a plain 404."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control

from .forms import SearchForm
from .search import places_to_browse, search, searchable_tags

TEMPLATE = "home/search.html"


def search_view(request):
    """`/recherche/?q=…&type=…&mot_cle=…`: the form alone without a query, 400 when the query is refused."""
    form = SearchForm(request.GET, tags=searchable_tags())
    if not form.is_valid():
        return render(request, TEMPLATE, {"form": form}, status=400)
    query = form.cleaned_data["q"].strip()
    if not query:
        return render(request, TEMPLATE, {"form": form})
    filters = {"type": form.cleaned_data["type"], "mot_cle": form.cleaned_data["mot_cle"]}
    outcome = search(query, kind=filters["type"], tag=filters["mot_cle"], page_number=request.GET.get("page"))
    context = {
        "form": form,
        "query": query,
        "outcome": outcome,
        "is_filtered": any(filters.values()),
        "pagination_query": urlencode({"q": query, **{name: value for name, value in filters.items() if value}}),
        "unfiltered_query": urlencode({"q": query}),
        "places_to_browse": places_to_browse() if not outcome.count else (),
    }
    return render(request, TEMPLATE, context)


@cache_control(max_age=86400, public=True)
def favicon(request):
    """`/favicon.ico`, which browsers ask for on their own: the site's icon among the static files."""
    return redirect(static("favicon.svg"))


def not_found(request, *args, **kwargs):
    raise Http404
