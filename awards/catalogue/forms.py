"""Input validation for the catalogue's screens. Writes go through ``awards.catalogue.services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.catalogue.models import QuotaRule
from awards.catalogue.queries import nominable_award_types
from blocs.membership.queries import active_blocs


class QuotaRuleForm(forms.ModelForm):
    class Meta:
        model = QuotaRule
        fields = [
            "award_type",
            "scope",
            "bloc",
            "kind",
            "value",
            "rounding",
            "minimum",
            "eligible_blocs_only",
            "note",
        ]
        labels = {"value": _("Number or share (%)")}

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_type"].queryset = nominable_award_types()
        self.fields["bloc"].queryset = active_blocs(board)
        self.fields["bloc"].required = False
        self.fields["bloc"].help_text = _("Only when the rule applies to one bloc")
        self.fields["value"].localize = True

    def _post_clean(self):
        # The service validates the whole row (it sets the year and the source first).
        pass
