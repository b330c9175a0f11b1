"""The year a page shows, and the one rule its Excel export follows.

A page whose content depends on the emulation year (the blocs and their officers, a bloc's members, the
applications, the participation statistics) takes its year from ``?year=`` among the Board's years, else the
Board's current open year (the latest open one), else its latest year. The page shows a year switcher
(``blocs/includes/_year_switcher.html``) whose links keep the page's other filters, and its export link carries
the same year and filters (``export_query``); the export view reads them with the same function, so the file
holds exactly what the list shows.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from blocs.membership.models import EmulationYear
from blocs.membership.queries import years_for_board


@dataclass(frozen=True)
class YearOption:
    year: EmulationYear
    query: str
    current: bool


@dataclass(frozen=True)
class YearInView:
    years: list[EmulationYear]
    year: EmulationYear | None
    filters: dict[str, str] = field(default_factory=dict)

    def _query(self, year: EmulationYear | None) -> str:
        params = {name: value for name, value in self.filters.items() if value}
        if year is not None:
            params["year"] = str(year.year)
        return urlencode(params)

    @property
    def options(self) -> list[YearOption]:
        """One link per year of the Board, keeping the page's other filters (not its page number)."""
        return [YearOption(year=y, query=self._query(y), current=y == self.year) for y in self.years]

    @property
    def export_query(self) -> str:
        """The year shown and the filters, for the export link: the file holds what the list shows."""
        return self._query(self.year)

    @property
    def is_open(self) -> bool:
        return self.year is not None and self.year.is_open


def year_in_view(board, params, *, keep: tuple[str, ...] = ()) -> YearInView:
    """The year named by ``params["year"]`` among the Board's years, else its open year, else its latest
    (one query). ``keep`` names the other filters of the page that the switcher's links and the export keep."""
    years = list(years_for_board(board))
    value = (params.get("year") or "").strip()
    year = next((y for y in years if str(y.year) == value), None)
    if year is None:
        year = next((y for y in years if y.is_open), years[0] if years else None)
    return YearInView(years=years, year=year, filters={name: params.get(name) or "" for name in keep})
