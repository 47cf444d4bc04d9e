from django.conf import settings
from django.contrib.auth import urls as auth_urls
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from community import account_urls, badge_urls, competence_urls, dashboard_urls, journal_urls
from community import urls as community_urls
from home import errors, throttling
from home import views as home_views
from resources import urls as resources_urls
from resources.feeds import ResourcesAtomFeed, ResourcesRssFeed
from workshops import urls as workshops_urls
from workshops import views as workshops_views

handler500 = errors.server_error

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("compte/", include(account_urls)),
    path("compte/password_reset/", throttling.PasswordResetView.as_view(), name="password_reset"),
    path("compte/", include(auth_urls)),
    path("competences/", include(competence_urls)),
    path("journal/", include(journal_urls)),
    path("badges/", include(badge_urls)),
    path("tableau-de-bord/", include(dashboard_urls)),
    path("", include(resources_urls)),
    path("sitemap.xml", sitemap),
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

urlpatterns += [path("carte/", include(community_urls))]

urlpatterns += [path("", include(wagtail_urls))]
