"""Models of the scoring app. Each sub-domain keeps its own module; they all belong to this app (label
"scoring") and are re-exported here."""

from scoring.criteria.models import *  # noqa: F403 -- the criteria sets belong to this app
from scoring.criteria.models import __all__ as _criteria
from scoring.quarterly.models import *  # noqa: F403 -- the quarterly reports belong to this app
from scoring.quarterly.models import __all__ as _quarterly

__all__ = [*_quarterly, *_criteria]
