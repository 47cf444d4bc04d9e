from .entries import PERIOD_YEARS, EvidencedCompetence, JournalEntry, JournalEntryTag, JournalTag  # noqa: F401
from .job_profiles import JobProfileIndexPage, JobProfilePage  # noqa: F401
from .recits import RecitIndexPage, RecitPage  # noqa: F401
