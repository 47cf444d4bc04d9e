"""Fixtures of the prototype tests: an index, structures, a prototype maker and members of structures."""

import itertools

import pytest

from community.members.models import MemberProfile
from community.members.roles import CHARGES, COORDINATORS
from network.prototypes.models import PrototypeIndexPage, PrototypePage
from tests.community.places.factories import structure as make_structure
from tests.factories import UserFactory

_numbers = itertools.count(1)


@pytest.fixture
def index(home):
    page = PrototypeIndexPage(title="Prototypes", slug="prototypes")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def centres(db):
    """Three centres: the maker of the prototypes, a neighbour that adopts, and a third."""
    return {
        "maker": make_structure(name="Maison de quartier Beaujardin", slug="mq-beaujardin"),
        "neighbour": make_structure(name="Centre social les Florales", slug="cs-les-florales", commune="Marly"),
        "third": make_structure(name="Centre socioculturel Agora", slug="csc-agora", commune="Douchy-les-Mines"),
    }


@pytest.fixture
def make_prototype(index, centres):
    def make(parent=None, **fields):
        number = next(_numbers)
        data = {
            "title": f"Prototype {number}",
            "slug": f"prototype-{number}",
            "summary": "Un poste en libre accès.",
            "problem": "Les gens attendaient à l'accueil.",
            "domain": "accueil",
            "status": "prototype",
            "structure": centres["maker"],
            **fields,
        }
        page = PrototypePage(**data)
        (parent or index).add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def member_of():
    """A chargé de mission (or another role) whose member profile belongs to `structure`."""

    def make(structure, username=None, role=CHARGES):
        user = UserFactory(username=username or f"membre-{next(_numbers)}", role=role)
        MemberProfile.objects.create(user=user, display_name=f"Camille {user.username}", structure=structure)
        return user

    return make


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordination", role=COORDINATORS)
