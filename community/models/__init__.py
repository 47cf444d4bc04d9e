"""Structures and the map, members, the journal de bord and the competence framework."""

from .badges import BadgeAssertion  # noqa: F401
from .competences import Competence, CompetenceArea, CompetenceValidation, Framework, ProficiencyLevel  # noqa: F401
from .job_profiles import JobProfileIndexPage, JobProfilePage  # noqa: F401
from .journal import EvidencedCompetence, JournalEntry, JournalEntryTag  # noqa: F401
from .members import Invitation, MemberProfile, Role  # noqa: F401
from .pages import RecitIndexPage, RecitPage  # noqa: F401
from .places import Permanence, Structure  # noqa: F401
