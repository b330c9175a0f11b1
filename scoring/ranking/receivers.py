"""Receivers of the extension signals of the layers below (connected in ``ScoringConfig.ready``): the ranking
document's kind, sample and viewers, and the enterprise page's scoring history."""

from django.utils.translation import pgettext_lazy

from blocs.register.signals import Section
from scoring.quarterly.permissions import role_in
from scoring.ranking import demo, documents, queries
from scoring.ranking.models import Ranking
from thidua.documents.kinds import DocumentKind


def document_kinds(**kwargs) -> list[DocumentKind]:
    return [DocumentKind(code=documents.KIND, label=pgettext_lazy("document kind", "Ranking table"))]


def document_samples(**kwargs) -> dict:
    return {documents.KIND: documents.sample_ranking}


def _ranking_of(document) -> Ranking | None:
    if document.kind != documents.KIND or not document.object_id.isdigit():
        return None
    return Ranking.objects.filter(
        pk=int(document.object_id), organization_id=document.organization_id
    ).first()


def document_viewer(*, user, document, **kwargs) -> bool:
    """The members of the bloc (of the ranking's year) see its ranking table."""
    ranking = _ranking_of(document)
    return ranking is not None and role_in(user, ranking.bloc_id, ranking.year_id) is not None


def document_outsider(*, user, document, **kwargs) -> bool:
    """Anyone else of the Board who is not staff: another bloc's ranking table is a 404."""
    return document.kind == documents.KIND and _ranking_of(document) is not None


def enterprise_sections(*, enterprise, page, **kwargs) -> list[Section]:
    if page != "detail":
        return []
    return [
        Section(
            order=40,
            template_name="scoring/ranking/includes/_enterprise_history.html",
            context={"history": list(queries.history_of(enterprise)[:20])},
        )
    ]


def seed_demo(**kwargs) -> list[dict]:
    """``thidua.accounts.demo.seed_demo``: the demo scoring of both Boards (after the quarterly demo)."""
    demo.seed([])
    return []
