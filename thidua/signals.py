"""How the portal reads the answers of its extension signals (Django signals, as pretalx uses them).

A lower layer that needs something only a higher one knows sends a signal and reads the receivers' answers;
the higher one connects its receivers in its ``AppConfig.ready()``. Each signal is documented in the module
that defines it (``thidua.documents.signals``, ``thidua.accounts.demo``, ``blocs.register.signals``,
``blocs.membership.signals``).
"""

from django.dispatch import Signal


def any_receiver_says_yes(signal: Signal, **kwargs) -> bool:
    """True if one receiver of ``signal`` answered True for these arguments."""
    return any(answer is True for _receiver, answer in signal.send(sender=None, **kwargs))


def collected_answers(signal: Signal, **kwargs) -> list:
    """Every item of the lists the receivers of ``signal`` answered, in the order they were connected."""
    return [item for _receiver, answer in signal.send(sender=None, **kwargs) for item in (answer or [])]
