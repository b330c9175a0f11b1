"""Extension points of the register, for the sub-domains above it (membership, pledges) to connect to in
``BlocsConfig.ready()``. The register never imports them.

``enterprise_viewer``
    Sent with ``user`` and ``enterprise`` when ``user`` is neither Board staff nor acting for
    ``enterprise``. A receiver returns True to let the user see the enterprise's page (e.g. the leader of
    the enterprise's bloc). One True is enough.

``enterprise_sections``
    Sent by the enterprise pages with ``enterprise``, ``user`` and ``page``: ``"detail"`` (the Board's page
    of an enterprise) or ``"own"`` (the enterprise user's own page). A receiver returns a list of
    ``Section`` (a template and its context), shown in the order of their ``order``.

``enterprise_columns``
    Sent by the enterprise list with ``enterprises`` (the rows of the page) and ``board``. A receiver returns
    a list of ``Column`` (a header, a cell template that gets ``value``, the cell value per enterprise id,
    and an optional note shown under the title), shown after the register's own columns by ``order``. It must load the values of the whole page at
    once, so the list's query count does not grow with its length.
"""

from dataclasses import dataclass, field

from django.dispatch import Signal

from thidua.signals import collected_answers

enterprise_viewer = Signal()
enterprise_sections = Signal()
enterprise_columns = Signal()


@dataclass
class Section:
    order: int
    template_name: str
    context: dict = field(default_factory=dict)


@dataclass
class Column:
    order: int
    header: str
    template_name: str
    values: dict[int, object] = field(default_factory=dict)
    note: str = ""


def collect(signal: Signal, **kwargs) -> list:
    """Every item the receivers of ``signal`` answered, sorted by ``order``."""
    return sorted(collected_answers(signal, **kwargs), key=lambda item: item.order)
