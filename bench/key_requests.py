"""The requests the benchmark measures (issue 16): the public pages people come for, and two members' pages.

Pages of the demo (home/demo), which exist at every scale: what the benchmark checks is that they stay as fast, and
ask as many queries, whatever the amount of content around them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class KeyRequest:
    name: str
    path: str
    username: str = ""  # a demo account logged in, or an anonymous visitor
    # A file to download (the open data), whose rate its size bounds: it is compared with the same bytes served as a
    # static file, not with the style sheet.
    is_download: bool = False

    @property
    def is_anonymous(self):
        return not self.username

    @property
    def is_cacheable(self):
        """What the public page cache could hold: anonymous, without a query string (the cache skips those)."""
        return self.is_anonymous and "?" not in self.path


KEY_REQUESTS = [
    KeyRequest("accueil", "/"),
    KeyRequest("page du wiki", "/ressources/bienvenue/"),
    KeyRequest("fiches outils filtrées", "/outils/?categorie=cooperation&libre=on"),
    KeyRequest("fiche outil", "/outils/etherpad/"),
    KeyRequest("ateliers", "/ateliers/"),
    KeyRequest("atelier", "/parcours/dunar-pays-loire-nature/atelier-ecrire-a-plusieurs/"),
    KeyRequest("parcours", "/parcours/dunar-pays-loire-nature/"),
    KeyRequest("carte", "/carte/"),
    KeyRequest("carte GeoJSON", "/carte/lieux.geojson", is_download=True),
    # A topic found on a few pages in a hundred (bench/data.py); words found on nearly every page: README.
    KeyRequest("recherche", "/recherche/?q=visioconf%C3%A9rence"),
    KeyRequest("tableau de bord", "/tableau-de-bord/", username="coordinatrice"),
    KeyRequest("journal d'un membre", "/journal/", username="chargee"),
]

# The static file measured beside them, served by WhiteNoise in the same server: the rate to compare with.
STATIC_FILE = "css/site.css"
