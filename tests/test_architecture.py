"""The arrows of the design, read from the imports: who may use whom, and no import circle anywhere."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Community apps from the bottom up: each may use only those before it (and core, beneath everything).
COMMUNITY = ["members", "organisation", "places", "competences", "badges", "journal"]
# The network's life (network/): news and prototypes sit beside the resources they are written with; the digest and
# the diagnostic kit point to workshops, so they sit above them.
NETWORK_BELOW_WORKSHOPS = ["network.news", "network.prototypes"]
NETWORK_ABOVE_WORKSHOPS = ["network.digest", "network.diagnostic", "network.follow"]
PROJECT_APPS = [
    *("core", "home", "resources", "workshops", "indicators", "config"),
    *(f"community.{name}" for name in COMMUNITY),
    *NETWORK_BELOW_WORKSHOPS,
    *NETWORK_ABOVE_WORKSHOPS,
]
ALL_COMMUNITY = {f"community.{name}" for name in COMMUNITY}
MAY_USE = {
    "core": set(),
    **{
        f"community.{name}": {"core", *(f"community.{lower}" for lower in COMMUNITY[:index])}
        for index, name in enumerate(COMMUNITY)
    },
    "resources": {"core", *ALL_COMMUNITY},
    **{app: {"core", "resources", *ALL_COMMUNITY} for app in NETWORK_BELOW_WORKSHOPS},
    # A temps fort features prototypes.
    "workshops": {"core", "resources", *ALL_COMMUNITY, *NETWORK_BELOW_WORKSHOPS},
    "network.digest": {"core", "resources", "workshops", *ALL_COMMUNITY, *NETWORK_BELOW_WORKSHOPS},
    "network.diagnostic": {"core", "resources", "workshops", *ALL_COMMUNITY, *NETWORK_BELOW_WORKSHOPS},
    # Following a page: the double opt-in and one-click unsubscribe of the digest serve the followers too.
    "network.follow": {"core", "resources", "workshops", "network.digest", *ALL_COMMUNITY, *NETWORK_BELOW_WORKSHOPS},
    # The figures read every domain they count; nothing counts on them but the home page and the settings.
    "indicators": {
        "core",
        "resources",
        "workshops",
        *ALL_COMMUNITY,
        *NETWORK_BELOW_WORKSHOPS,
        *NETWORK_ABOVE_WORKSHOPS,
    },
    "home": {
        *("core", "resources", "workshops", "indicators"),
        *ALL_COMMUNITY,
        *NETWORK_BELOW_WORKSHOPS,
        *NETWORK_ABOVE_WORKSHOPS,
    },
    "config": set(PROJECT_APPS) - {"config"},
}


def modules():
    """{module name: path} of the project's code (tests and benchmarks aside)."""
    found = {}
    for app in PROJECT_APPS:
        for path in (ROOT / app.replace(".", "/")).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(module, path):
    """The project modules that `module` imports, anywhere in it: in a function too."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def app_of(module):
    return next((app for app in PROJECT_APPS if module == app or module.startswith(app + ".")), None)


def known(name, all_modules):
    return name if name in all_modules else None


@pytest.fixture(scope="module")
def project():
    return modules()


def test_each_app_uses_only_the_apps_below_it(project):
    wrong = set()
    for module, path in project.items():
        app = app_of(module)
        for imported in imports(module, path):
            other = app_of(imported)
            if other and other != app and other not in MAY_USE[app]:
                wrong.add(f"{module} imports {imported}")
    assert not wrong, sorted(wrong)


def test_no_app_reaches_into_another_apps_views(project):
    wrong = set()
    for module, path in project.items():
        app = app_of(module)
        for imported in imports(module, path):
            other = app_of(imported)
            if other and other not in (app, "config") and app != "config" and imported.rsplit(".", 1)[-1] == "views":
                wrong.add(f"{module} imports {imported}")
    assert not wrong, sorted(wrong)


def test_no_import_circle_anywhere(project):
    """No circle between modules, an import inside a function included: between apps the rule above lets each app
    use only the apps below it; inside an app, the page models use their forms, listings and operations, which
    take the pages they work on or name them (as Django's string references do), never import them."""
    graph = {
        module: {name for name in imports(module, path) if known(name, project) and name != module}
        for module, path in project.items()
    }
    # A package's __init__ is loaded with its modules: a module importing its own package is no circle.
    graph = {module: {name for name in names if not module.startswith(name + ".")} for module, names in graph.items()}
    state = {}

    def visit(module, trail):
        state[module] = "open"
        for name in graph[module]:
            if state.get(name) == "open":
                pytest.fail("import circle: " + " -> ".join([*trail[trail.index(name) :], name]))
            if name not in state:
                visit(name, [*trail, name])
        state[module] = "done"

    for module in graph:
        if module not in state:
            visit(module, [module])


def test_the_rules_see_the_imports():
    """The reader finds relative and absolute imports, so a rule that passes is not a rule that reads nothing."""
    found = set(imports("community.journal.views", ROOT / "community/journal/views.py"))
    assert {"community.members.accounts", "community.journal.entries"} <= found
