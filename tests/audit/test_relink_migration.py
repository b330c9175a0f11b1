"""audit 0004: events chained in the old single chain are re-linked into one chain per Board."""

import importlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone, translation

from thidua.audit.chain import GENESIS_HASH, link_hash
from thidua.audit.models import AuditChainHead, AuditEvent

pytestmark = [pytest.mark.unit, pytest.mark.django_db(transaction=True)]

relink = importlib.import_module("thidua.audit.migrations.0004_relink_chains_per_board").relink


def run_relink() -> None:
    """Run the migration's function as migrate does: with the models as they stood after 0003."""
    state = MigrationLoader(connection).project_state(("audit", "0003_chain_per_board"))
    with connection.schema_editor() as editor:
        relink(state.apps, editor)


def old_single_chain(boards) -> list[AuditEvent]:
    """Events as the single global chain stored them: seq 1, 2, 3... across Boards, one link after another."""
    events, prev = [], GENESIS_HASH
    for seq, board in enumerate(boards, start=1):
        event = AuditEvent(
            seq=seq,
            created_at=timezone.now(),
            organization=board,
            action=f"test.event{seq}",
            actor_label="system",
            prev_hash=prev,
        )
        event.row_hash = prev = link_hash(prev, event)
        event.save()
        events.append(event)
    return events


def test_old_events_are_relinked_per_board_in_their_order(world):
    a, b = world.a.board, world.b.board
    old = old_single_chain([a, b, a, None, b, a])

    run_relink()

    positions = {e.pk: (e.organization_id, e.seq) for e in AuditEvent.objects.all()}
    assert [positions[e.pk] for e in old] == [
        (a.pk, 1),
        (b.pk, 1),
        (a.pk, 2),
        (None, 1),
        (b.pk, 2),
        (a.pk, 3),
    ]
    heads = {h.organization_id: h.last_seq for h in AuditChainHead.objects.all()}
    assert heads == {a.pk: 3, b.pk: 2, None: 1}
    out = StringIO()
    with translation.override("en"):
        call_command("verify_audit", stdout=out)
    assert "Audit chains intact: 6 events in 3 chains." in out.getvalue()


def test_the_append_only_trigger_is_back_after_the_relink(world):
    old_single_chain([world.a.board])

    run_relink()

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_event_append_only'"
                " AND tgrelid = 'audit_auditevent'::regclass"
            )
            assert cursor.fetchone() == ("O",)  # enabled (fires in origin and local sessions)
    assert AuditEvent.objects.get().seq == 1
