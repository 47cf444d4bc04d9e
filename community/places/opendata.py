"""Our places as open data in the national schema (v1.0.1): export, validation against the schema, import."""

import csv
import functools
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from core import spreadsheets

from . import vocabulary
from .models import CharterSignature, Permanence, Structure

SCHEMA_PATH = Path(__file__).parent / "schema" / "lieux-mediation-numerique-1.0.1.json"
LICENCE = "Licence Ouverte / Open Licence version 2.0 (Etalab)"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence"

MULTI_VALUED = {
    "services": ("services", vocabulary.SERVICES),
    "publics_specifiquement_adresses": ("publics", vocabulary.PUBLICS),
    "prise_en_charge_specifique": ("specific_support", vocabulary.SPECIFIC_SUPPORT),
    "frais_a_charge": ("access_conditions", vocabulary.ACCESS_CONDITIONS),
    "dispositif_programmes_nationaux": ("national_programmes", vocabulary.NATIONAL_PROGRAMMES),
    "modalites_accompagnement": ("support_modes", vocabulary.SUPPORT_MODES),
}
# Columns an import writes to a structure, and the model fields each one sets.
IMPORTED = {
    "pivot": ["pivot"],
    "nom": ["name"],
    "commune": ["commune"],
    "code_postal": ["postcode"],
    "code_insee": ["insee_code"],
    "adresse": ["address"],
    "complement_adresse": ["address_complement"],
    "latitude": ["latitude"],
    "longitude": ["longitude"],
    "typologie": ["kind"],
    "telephone": ["phone"],
    "courriels": ["email"],
    "site_web": ["website"],
    "horaires": ["opening_hours"],
    "presentation_resume": ["summary"],
    "presentation_detail": ["description"],
    "source": ["source"],
    **{column: [name] for column, (name, _vocabulary) in MULTI_VALUED.items()},
}


@functools.cache
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@functools.cache
def _columns():
    return tuple(f["name"] for f in schema()["fields"])


def columns():
    return list(_columns())


# --- Export -------------------------------------------------------------------------------------------------------


# What a row reads of a structure: never the referent.
EXPORTED_FIELDS = ["source_id", "slug", "updated_at", *(name for names in IMPORTED.values() for name in names)]


def exported_structures():
    """Only the structures shown on the map; one query."""
    return (
        Structure.objects.public()
        .only(*EXPORTED_FIELDS)
        .annotate(
            runs_sessions=Exists(Permanence.objects.filter(structure=OuterRef("pk"))),
            signed_charter=Exists(CharterSignature.objects.filter(structure=OuterRef("pk"))),
        )
        .order_by("commune", "name", "pk")
    )


def phone_to_schema(phone):
    digits = re.sub(r"[^\d+]", "", phone or "")
    if re.fullmatch(r"0\d{9}", digits):
        return "+33" + digits[1:]
    if re.fullmatch(r"\+\d{7,12}", digits):
        return digits
    return ""


def phone_from_schema(value):
    value = (value or "").strip()
    match = re.fullmatch(r"\+33(\d{9})", value)
    if match:
        digits = "0" + match[1]
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return value


KIND_CODES = {key: code for key, code, _label in vocabulary.KINDS}
KINDS_BY_CODE = {code.casefold(): key for key, code, _label in vocabulary.KINDS}


def row(structure, charter=None):
    """One structure as a row of the schema: strings, and numbers for the coordinates. Never the referent.

    `charter` is the (column, value) a signatory of the network's charter carries (charter.open_data_entry).
    """
    itinerance = "Fixe|Itinérant" if getattr(structure, "runs_sessions", False) else "Fixe"
    values = {
        "id": structure.source_id,
        "pivot": structure.pivot or vocabulary.NO_PIVOT,
        "nom": structure.name,
        "commune": structure.commune,
        "code_postal": structure.postcode,
        "code_insee": structure.insee_code,
        "adresse": structure.address,
        "complement_adresse": structure.address_complement,
        "latitude": structure.latitude,
        "longitude": structure.longitude,
        "typologie": KIND_CODES.get(structure.kind, "Autre"),
        "telephone": phone_to_schema(structure.phone),
        "courriels": structure.email,
        "site_web": structure.website,
        "horaires": structure.opening_hours,
        "presentation_resume": structure.summary,
        "presentation_detail": structure.description,
        "source": structure.source,
        "itinerance": itinerance,
        "structure_parente": "",
        "date_maj": timezone.localdate(structure.updated_at).isoformat() if structure.updated_at else "",
        "formations_labels": "",
        "autres_formations_labels": "",
        "modalites_acces": "",
        "fiche_acces_libre": "",
        "prise_rdv": "",
    }
    for column, (name, words) in MULTI_VALUED.items():
        values[column] = vocabulary.to_schema(words, getattr(structure, name))
    if charter and getattr(structure, "signed_charter", False):
        column, value = charter
        present = [part for part in values[column].split(vocabulary.SEPARATOR) if part]
        values[column] = vocabulary.SEPARATOR.join(present if value in present else [*present, value])
    return {column: values.get(column, "") for column in columns()}


def _without_empty(values):
    return {key: value for key, value in values.items() if value not in ("", None)}


def json_document(structures, request=None, charter=None):
    return {
        "schema": f"{vocabulary.SCHEMA_NAME} {vocabulary.SCHEMA_VERSION}",
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "date": timezone.localdate().isoformat(),
        "lieux": [_without_empty(row(s, charter)) for s in structures],
    }


def geojson(structures, request=None, charter=None):
    features = []
    for structure in structures:
        properties = _without_empty(row(structure, charter))
        geometry = None
        if structure.has_coordinates:
            geometry = {"type": "Point", "coordinates": [structure.longitude, structure.latitude]}
        properties["url"] = request.build_absolute_uri(structure.get_absolute_url()) if request else ""
        features.append({"type": "Feature", "id": structure.source_id, "geometry": geometry, "properties": properties})
    return {
        "type": "FeatureCollection",
        "schema": f"{vocabulary.SCHEMA_NAME} {vocabulary.SCHEMA_VERSION}",
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "features": features,
    }


def write_csv(structures, out, charter=None):
    """Comma-separated, UTF-8, with a header of the schema's columns in its order."""
    names = columns()
    rows = ([row(structure, charter).get(name) for name in names] for structure in structures)
    spreadsheets.write_rows(out, names, rows, lineterminator="\r\n")


# --- Validation ---------------------------------------------------------------------------------------------------


def validate(values):
    """The schema's constraints on one row (a dict of column → value): a list of French reasons, empty if valid."""
    problems = []
    for spec in schema()["fields"]:
        name, constraints = spec["name"], spec.get("constraints", {})
        value = values.get(name)
        text = "" if value is None else str(value).strip()
        if not text:
            if constraints.get("required"):
                problems.append(f"le champ obligatoire « {name} » est vide")
            continue
        if spec["type"] == "number":
            try:
                float(text)
            except ValueError:
                problems.append(f"« {name} » doit être un nombre (reçu « {text} »)")
                continue
        if spec["type"] == "date":
            try:
                date.fromisoformat(text)
            except ValueError:
                problems.append(f"« {name} » doit être une date AAAA-MM-JJ (reçu « {text} »)")
                continue
        if "maxLength" in constraints and len(text) > constraints["maxLength"]:
            problems.append(f"« {name} » dépasse {constraints['maxLength']} caractères")
        pattern = constraints.get("pattern")
        if pattern and not re.fullmatch(pattern, text):
            problems.append(_pattern_reason(name, text))
    return problems


def _pattern_reason(name, text):
    if name in MULTI_VALUED:
        _field, words = MULTI_VALUED[name]
        _keys, unknown = vocabulary.from_schema(words, text)
        if unknown:
            return f"valeur inconnue pour « {name} » : {', '.join(unknown)}"
    return f"« {name} » ne respecte pas le format attendu (reçu « {text} »)"


# --- Import -------------------------------------------------------------------------------------------------------


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (line, id, reason)


class UnreadableFileError(ValueError):
    pass


def read_rows(path):
    """(line or position, row) pairs from a CSV (';' or ',', UTF-8 with or without BOM) or JSON file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFileError("le fichier n'est pas en UTF-8") from error
    if path.suffix.lower() in (".json", ".geojson"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise UnreadableFileError(f"JSON illisible : {error}") from error
        if isinstance(data, dict):
            if data.get("type") == "FeatureCollection":
                data = [feature.get("properties") or {} for feature in data.get("features", [])]
            else:
                data = data.get("lieux", data.get("data"))
        if not isinstance(data, list):
            raise UnreadableFileError("le JSON doit être une liste de lieux (ou un objet avec une liste « lieux »)")
        return [(index, item if isinstance(item, dict) else {}) for index, item in enumerate(data, start=1)]
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames or "id" not in [name.strip() for name in reader.fieldnames]:
        raise UnreadableFileError("la première ligne doit nommer les colonnes du schéma (dont « id »)")
    return [
        (reader.line_num, {(k or "").strip(): spreadsheets.restore((v or "").strip()) for k, v in item.items()})
        for item in reader
        if any((v or "").strip() for v in item.values() if isinstance(v, str))
    ]


def _structure_from(values):
    """An unsaved structure carrying what a row says (the import's view of it)."""
    structure = Structure(source_id=str(values["id"]).strip())
    get = lambda name: "" if values.get(name) is None else str(values[name]).strip()  # noqa: E731
    pivot = get("pivot")
    structure.pivot = "" if pivot == vocabulary.NO_PIVOT else pivot
    structure.name = get("nom")
    structure.commune = get("commune")
    structure.postcode = get("code_postal")
    structure.insee_code = get("code_insee")
    structure.address = get("adresse")
    structure.address_complement = get("complement_adresse")
    structure.latitude = float(get("latitude")) if get("latitude") else None
    structure.longitude = float(get("longitude")) if get("longitude") else None
    codes = [code for code in re.split(r"[|;]", get("typologie")) if code]
    structure.kind = next((KINDS_BY_CODE[c.casefold()] for c in codes if c.casefold() in KINDS_BY_CODE), "autre")
    structure.phone = phone_from_schema(get("telephone"))
    structure.email = re.split(r"[|;]", get("courriels"))[0].strip()
    website = re.split(r"[|;]", get("site_web"))[0].strip()
    structure.website = f"https://{website}" if website and "://" not in website else website
    structure.opening_hours = get("horaires")
    structure.summary = get("presentation_resume")
    structure.description = get("presentation_detail")
    structure.source = get("source")
    for column, (name, words) in MULTI_VALUED.items():
        keys, _unknown = vocabulary.from_schema(words, get(column))
        setattr(structure, name, keys)
    return structure


def import_rows(rows, dry_run=False):
    """Creates or updates structures by `id`; a row is applied whole or rejected with its reasons."""
    report = Report()
    seen = set()
    existing = {s.source_id: s for s in Structure.objects.filter(source_id__in=[str(v.get("id")) for _n, v in rows])}
    for line, values in rows:
        identifier = str(values.get("id") or "").strip()
        problems = validate(values)
        if identifier and identifier in seen:
            problems.append(f"l'identifiant « {identifier} » apparaît plusieurs fois dans le fichier")
        if problems:
            report.rejected.append((line, identifier, " ; ".join(problems)))
            continue
        seen.add(identifier)
        incoming = _structure_from(values)
        current = existing.get(identifier)
        if current is None:
            target, changed = incoming, True
        else:
            target, changed = current, _apply_changes(current, incoming)
        try:
            target.full_clean(exclude=["slug"], validate_unique=current is None)
        except ValidationError as error:
            reasons = [f"{name} : {' '.join(messages)}" for name, messages in error.message_dict.items()]
            report.rejected.append((line, identifier, " ; ".join(reasons)))
            if current is not None:
                current.refresh_from_db()
            continue
        if current is None:
            report.created.append(identifier)
        elif changed:
            report.updated.append(identifier)
        else:
            report.unchanged.append(identifier)
        if changed and not dry_run:
            with transaction.atomic():
                target.save()
    return report


def _apply_changes(current, incoming):
    """Copies the columns whose exported value differs; True if any did."""
    before, after = row(current), row(incoming)
    changed = False
    for column, names in IMPORTED.items():
        if before[column] != after[column]:
            for name in names:
                setattr(current, name, getattr(incoming, name))
            changed = True
    return changed
