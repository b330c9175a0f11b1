"""Models of the scoring app. Each sub-domain keeps its own module; they all belong to this app (label
"scoring") and are re-exported here."""

from scoring.criteria.models import *  # noqa: F403 -- the criteria sets belong to this app
from scoring.criteria.models import __all__ as _criteria
from scoring.quarterly.models import *  # noqa: F403 -- the quarterly reports belong to this app
from scoring.quarterly.models import __all__ as _quarterly
from scoring.ranking.models import *  # noqa: F403 -- the scorecards and rankings belong to this app
from scoring.ranking.models import __all__ as _ranking

__all__ = [*_quarterly, *_criteria, *_ranking]
