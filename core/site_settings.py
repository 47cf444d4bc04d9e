"""Site settings read from the shared cache: every page shows some (the collective's name, its funders), and they
change only when a coordinator saves them in the admin."""

from wagtail.contrib.settings.models import BaseSiteSetting

from . import fragments, sites


class CachedSiteSetting(BaseSiteSetting):
    """A site setting whose `for_request()` (templates, views) is read once and kept as a fragment, forgotten when
    the setting is saved (core/signals.py). The admin edits it through `for_site()`, from the database."""

    # Other fragment topics built from the setting, forgotten with it.
    derived_topics = ()

    class Meta:
        abstract = True

    @classmethod
    def fragments_topic(cls):
        return f"settings:{cls._meta.label_lower}"

    @classmethod
    def fragments_topics(cls):
        """The topics a change of the setting makes stale: its own, and those built from it."""
        return (cls.fragments_topic(), *cls.derived_topics)

    @classmethod
    def for_request(cls, request):
        attribute = cls.get_cache_attr_name()
        if not hasattr(request, attribute):
            site = sites.find_for_request(request)
            if site is None:
                return super().for_request(request)  # Wagtail's refusal
            site_settings = fragments.get(cls.fragments_topic(), str(site.pk), lambda: cls.for_site(site))
            site_settings._request = request  # as Wagtail's: page URLs in settings are built for the request
            setattr(request, attribute, site_settings)
        return getattr(request, attribute)
