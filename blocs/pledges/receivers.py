"""The pledges' answers to the signals of the layers below (connected in ``BlocsConfig.ready``): locking the
signed pledges when a year closes, who may see a joint pledge document, the enterprise page's pledge list,
the demo pledges and the joint pledge's sample document."""

from blocs.pledges import demo, documents, permissions, queries
from blocs.pledges.services import lock_pledges_for_year
from blocs.register.signals import Section


def lock_pledges_on_year_closing(*, year, closed_by, **kwargs) -> None:
    """``year_closing``: every signed version of the year becomes LOCKED, in the closing transaction."""
    lock_pledges_for_year(year=year, locked_by=closed_by)


def document_viewer(*, user, document, **kwargs) -> bool:
    return permissions.joint_pledge_document_viewer(user, document)


def document_outsider(*, user, document, **kwargs) -> bool:
    return permissions.joint_pledge_document_outsider(user, document)


def enterprise_sections(*, enterprise, page, **kwargs) -> list[Section]:
    if page != "detail":
        return []
    return [
        Section(
            order=20,
            template_name="blocs/pledges/includes/_enterprise_pledges.html",
            context={"pledges": queries.pledges_of_enterprise(enterprise)},
        )
    ]


def seed_demo(**kwargs) -> list[dict]:
    rows: list[dict] = []
    demo.seed(rows)
    return rows


def document_samples(**kwargs) -> dict:
    return {"pledge": documents.sample_pledge}
