import threading
from datetime import date

import pytest
from django.db import IntegrityError, connection, connections, transaction

from thidua.documents.models import GeneratedDocument, NumberSequence
from thidua.documents.services import next_number

pytestmark = pytest.mark.unit

THREADS = 8
ISSUES_PER_THREAD = 5


def test_numbers_start_at_one_per_board_type_and_year(world, issue):
    first = issue()
    second = issue()
    other_type = issue(doc_type="QĐ")
    next_year = issue(issued_on=date(2027, 1, 2))
    other_board = issue(organization=world.b.board, requested_by=world.b.officer)

    assert [first.number, second.number] == [1, 2]
    assert (other_type.number, other_type.symbol) == (1, "QĐ-BQL")
    assert next_year.number == 1
    assert (other_board.number, other_board.number_and_symbol) == (1, "01/TB-BQLKKT")


def test_duplicate_number_is_refused_by_the_database(world, issue):
    document = issue()

    with pytest.raises(IntegrityError), transaction.atomic():
        GeneratedDocument.objects.filter(pk=issue().pk).update(number=document.number)


def _issue_many(board, errors):
    try:
        for _ in range(ISSUES_PER_THREAD):
            with transaction.atomic():
                next_number(organization=board, doc_type="QĐ", year=2026)
    except Exception as exc:  # reported to the test thread below
        errors.append(exc)
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_concurrent_numbering_has_no_gap_and_no_duplicate(world):
    """On PostgreSQL 8 threads with their own connections race; SQLite (one writer) runs them in turn."""
    board = world.a.board
    errors: list[Exception] = []
    workers = [threading.Thread(target=_issue_many, args=(board, errors)) for _ in range(THREADS)]
    concurrent = connection.vendor == "postgresql"

    for worker in workers:
        worker.start()
        if not concurrent:
            worker.join()
    for worker in workers:
        worker.join(timeout=60)

    assert errors == []
    assert NumberSequence.objects.get(organization=board, doc_type="QĐ", year=2026).last_number == 40


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_give_numbers_one_to_forty(world, issue, queue_only, settings):
    settings.DOCUMENTS_ISSUE_RATE = (1000, 600)  # one user issues all forty
    errors: list[Exception] = []
    concurrent = connection.vendor == "postgresql"

    def issue_five():
        try:
            for _ in range(ISSUES_PER_THREAD):
                issue(doc_type="BC")
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=issue_five) for _ in range(THREADS)]
    for worker in workers:
        worker.start()
        if not concurrent:
            worker.join()
    for worker in workers:
        worker.join(timeout=60)

    numbers = sorted(GeneratedDocument.objects.filter(doc_type="BC").values_list("number", flat=True))
    assert errors == []
    assert numbers == list(range(1, THREADS * ISSUES_PER_THREAD + 1))
