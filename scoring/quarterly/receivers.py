"""Receivers of the extension signals of the layers below (connected in ``ScoringConfig.ready``)."""

from scoring.quarterly import demo
from scoring.quarterly.services.periods import close_periods_of_year


def close_periods_on_year_closing(sender, *, year, closed_by, **kwargs) -> None:
    """``blocs.membership.signals.year_closing``: the year's open periods close with it (accepted reports
    are locked) in the same transaction."""
    close_periods_of_year(year=year, closed_by=closed_by)


def seed_demo(**kwargs) -> list[dict]:
    """``thidua.accounts.demo.seed_demo``: the demo quarters of both Boards (after the blocs' demo)."""
    rows: list[dict] = []
    demo.seed(rows)
    return rows
