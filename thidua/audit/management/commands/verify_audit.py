from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from thidua.audit.chain import ChainBreak, first_break
from thidua.audit.queries import board_names, chain_events, chain_head, chain_keys


class Command(BaseCommand):
    help = (
        "Recompute the audit log's hash chains (one per Board, one for events with no Board) and report, for "
        "each broken chain, the first row edited or deleted outside the portal."
    )

    def add_arguments(self, parser):
        parser.add_argument("--board", type=int, help="check only the chain of the Board with this id")

    def handle(self, *args, **options):
        keys = chain_keys() if options["board"] is None else [options["board"]]
        names = board_names([key for key in keys if key is not None])
        breaks: list[str] = []
        count = 0
        for key in keys:
            head_seq, head_hash = chain_head(key)
            events = chain_events(key)
            try:
                broken = first_break(events, head_seq, head_hash)
            finally:
                # Stopping at the first break leaves the iterator half-read: close its (server-side) cursor
                # now, not at garbage collection, when PostgreSQL has already dropped it.
                events.close()
            if broken is None:
                count += head_seq
            else:
                breaks.append(self.describe(broken, self.chain_label(key, names)))
        if breaks:
            raise CommandError("\n".join(breaks))
        self.stdout.write(
            self.style.SUCCESS(
                _("Audit chains intact: %(count)d events in %(chains)d chains.")
                % {"count": count, "chains": len(keys)}
            )
        )

    @staticmethod
    def chain_label(key: int | None, names: dict[int, str]) -> str:
        if key is None:
            return _("events with no Board")
        return _("%(name)s (id %(id)d)") % {"name": names.get(key, "?"), "id": key}

    @staticmethod
    def describe(broken: ChainBreak, chain: str) -> str:
        if broken.reason == "missing":
            return _("Audit chain of %(chain)s broken: event #%(seq)d is missing (deleted).") % {
                "chain": chain,
                "seq": broken.seq,
            }
        return _("Audit chain of %(chain)s broken: event #%(seq)d (id %(id)s) was edited.") % {
            "chain": chain,
            "seq": broken.seq,
            "id": broken.event_id,
        }
