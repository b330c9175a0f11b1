"""Receivers of the documents platform (connected in ``DocumentsConfig.ready``). They only start services."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from thidua.accounts.models import Organization


@receiver(post_save, sender=Organization)
def seed_new_board(sender, instance: Organization, created: bool, raw: bool = False, **kwargs) -> None:
    """A new Board starts with the standard legal bases in its library (a fixture load seeds nothing)."""
    if created and not raw:
        from thidua.documents.services.legal_bases import (  # noqa: PLC0415 -- services import Celery tasks
            seed_legal_bases,
        )

        seed_legal_bases(instance)
