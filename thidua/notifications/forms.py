from django import forms

from thidua.notifications.enums import EmailDelivery
from thidua.notifications.kinds import NotificationKind


class EmailPreferencesForm(forms.Form):
    """One choice per kind of notification: e-mail at once, in the daily digest, or none."""

    def __init__(self, *args, kinds: list[NotificationKind], current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        for item in kinds:
            self.fields[f"kind_{item.kind}"] = forms.ChoiceField(
                label=item.label,
                choices=EmailDelivery.choices,
                initial=current.get(item.kind, EmailDelivery.IMMEDIATE),
            )

    def deliveries(self) -> dict[str, str]:
        return {item.kind: self.cleaned_data[f"kind_{item.kind}"] for item in self.kinds}

    def groups(self) -> list[tuple[str, list]]:
        """The fields bound to their kind, grouped as the apps declared them (for the page's sections)."""
        grouped: dict[str, list] = {}
        for item in self.kinds:
            grouped.setdefault(str(item.group), []).append(self[f"kind_{item.kind}"])
        return list(grouped.items())
