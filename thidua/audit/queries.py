from collections.abc import Iterator

from django.db.models import QuerySet

from thidua.audit.chain import GENESIS_HASH
from thidua.audit.models import AuditChainHead, AuditEvent


def events_for_board(board) -> QuerySet[AuditEvent]:
    """The events of one Board (an ``accounts.Organization``), newest first."""
    return AuditEvent.objects.filter(organization=board).order_by("-seq")


def chain_keys() -> list[int | None]:
    """Every chain that has a head or an event: Board ids, and ``None`` for the events with no Board.

    Events are looked at too, so a chain whose head row was deleted is still checked."""
    keys = set(AuditChainHead.objects.values_list("organization_id", flat=True))
    keys |= set(AuditEvent.objects.order_by().values_list("organization_id", flat=True).distinct())
    return sorted(keys, key=lambda key: (key is not None, key or 0))


def chain_head(organization_id: int | None) -> tuple[int, str]:
    """``(last_seq, last_hash)`` of one chain; an empty chain when it has no head."""
    head = AuditChainHead.objects.filter(organization_id=organization_id).first()
    return (head.last_seq, head.last_hash) if head else (0, GENESIS_HASH)


def chain_events(organization_id: int | None) -> Iterator[AuditEvent]:
    """One chain's events in chain order, streamed (a national log does not fit in memory)."""
    return (
        AuditEvent.objects.filter(organization_id=organization_id).order_by("seq").iterator(chunk_size=2000)
    )


def board_names(ids) -> dict[int, str]:
    """Names of the Boards with these ids. The Board model is read through the events' foreign key: the audit
    app sits below ``thidua.accounts`` (whose services record events) and does not import it."""
    board_model = AuditEvent._meta.get_field("organization").related_model
    return dict(board_model.objects.filter(pk__in=ids).values_list("pk", "name"))
