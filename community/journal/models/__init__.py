from .entries import EvidencedCompetence, JournalEntry, JournalEntryTag, JournalTag  # noqa: F401
from .job_profiles import JobProfileIndexPage, JobProfilePage  # noqa: F401
from .recits import RecitIndexPage, RecitPage  # noqa: F401
