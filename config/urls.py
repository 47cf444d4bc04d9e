from django.conf import settings
from django.contrib.auth import urls as auth_urls
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from community.badges import urls as badges_urls
from community.competences import urls as competences_urls
from community.journal import urls as journal_urls
from community.members import urls as members_urls
from community.places import urls as places_urls
from home import errors, throttling
from home import views as home_views
from indicators import urls as indicators_urls
from network.diagnostic import urls as diagnostic_urls
from network.digest import urls as digest_urls
from network.follow import urls as follow_urls
from network.news import urls as news_urls
from network.prototypes import urls as prototypes_urls
from resources import urls as resources_urls
from resources.feeds import ResourcesAtomFeed, ResourcesRssFeed
from workshops import urls as workshops_urls
from workshops import views as workshops_views

handler500 = errors.server_error

urlpatterns = [
    # The admin offers the shared tags (wiki, tool sheets, workshops) only. Wagtail's per-model tag autocomplete,
    # which no panel here uses, would list the journal's tags, private ones included: it does not exist here.
    path("admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/", home_views.not_found),
    path("admin/password_reset/", throttling.AdminPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("compte/", include(members_urls)),
    path("compte/", include((journal_urls.my_data_urlpatterns, "my_data"))),
    path("compte/password_reset/", throttling.PasswordResetView.as_view(), name="password_reset"),
    path("compte/", include(auth_urls)),
    path("competences/", include(competences_urls)),
    path("journal/", include(journal_urls)),
    path("badges/", include(badges_urls)),
    path(
        "tableau-de-bord/",
        include(([*indicators_urls.urlpatterns, *journal_urls.dashboard_urlpatterns], "dashboard")),
    ),
    path("", include(resources_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("inscription/", include(workshops_urls)),
    path("ateliers-gestion/", include((workshops_urls.management_urlpatterns, "workshops_management"))),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("recherche/", home_views.search_view, name="search"),
    path("ressources/flux.atom", ResourcesAtomFeed(), name="resources_feed_atom"),
    path("ressources/flux.rss", ResourcesRssFeed(), name="resources_feed_rss"),
    # <workshop or workshops' index URL>agenda.ics (Wagtail's own URLs end with a slash).
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)agenda\.ics$", workshops_views.calendar_file, name="workshops_calendar"),
]

urlpatterns += [
    path("carte/", include(places_urls)),
    path("annuaire/", include((places_urls.directory_urlpatterns, "directory"))),
    path("diagnostic/", include(diagnostic_urls)),
]

urlpatterns += [path("", include(news_urls)), path("lettre/", include(digest_urls)), path("", include(follow_urls))]
urlpatterns += [path("adoptions/", include(prototypes_urls))]

urlpatterns += [path("", include(wagtail_urls))]
