"""Helpers shared by forms across apps."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: field errors on their fields, the rest on top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


class DateInput(forms.DateInput):
    """The browser's date picker. It always exchanges ISO dates (2026-01-05), whatever the display language,
    so the value is rendered in ISO too (a localized 05/01/2026 would leave the picker empty)."""

    input_type = "date"

    def __init__(self, attrs=None, format="%Y-%m-%d"):
        super().__init__(attrs=attrs, format=format)


def message_service_errors(request, exc: ValidationError) -> None:
    """Show why a service refused an action (no form to attach it to) as one error message on the next page."""
    messages.error(request, " ".join(exc.messages))


# Django 6.1's default label of an empty choice. Its own Vietnamese catalogue has no translation yet, so the
# msgid is named here for makemessages to keep it in ours (LOCALE_PATHS comes before Django's catalogues).
EMPTY_CHOICE_LABEL = gettext_lazy("- Select an option -")
