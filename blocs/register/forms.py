"""Input validation for the register's screens. Writes go through the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.enums import Ownership
from blocs.register.models import Enterprise, IndustrialPark
from blocs.register.services import PROFILE_FIELDS


class ParkForm(forms.ModelForm):
    class Meta:
        model = IndustrialPark
        fields = ["code", "name", "province", "location", "area_ha", "active"]
        localized_fields = ["area_ha"]


class EnterpriseForm(forms.ModelForm):
    class Meta:
        model = Enterprise
        fields = [
            "tax_code",
            "name",
            "name_en",
            "park",
            "ownership",
            "sector",
            "legal_representative",
            "representative_title",
            "address",
            "phone",
            "email",
            "employees",
            "active",
        ]

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["park"].queryset = IndustrialPark.objects.filter(organization=board)
        # The service normalises spaces and dots and validates the check digit.
        self.fields["tax_code"].validators = []

    def validate_unique(self):
        """Uniqueness per Board is checked by the service, which knows the Board."""


class EnterpriseProfileForm(forms.ModelForm):
    class Meta:
        model = Enterprise
        fields = list(PROFILE_FIELDS)


class EnterpriseFilterForm(forms.Form):
    """The one filter of the Board's enterprises: the list page and its Excel export read the same fields."""

    q = forms.CharField(label=_("Name or tax code"), required=False)
    # The id of one of the Board's parks; the query is scoped to the Board, so another id finds nothing.
    # The list page renders the choices from the park list it loads; the export needs no query for them.
    park = forms.IntegerField(label=_("Industrial park"), min_value=1, required=False)
    ownership = forms.ChoiceField(
        label=_("Ownership"), choices=[("", _("All")), *Ownership.choices], required=False
    )
    active = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), ("1", _("Active")), ("0", _("Inactive"))], required=False
    )

    def filters(self) -> dict:
        """Keyword arguments for ``queries.search_enterprises`` (no filter when the input is invalid)."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "q": data.get("q", ""),
            "park_id": data.get("park"),
            "ownership": data.get("ownership", ""),
            "active": data.get("active", ""),
        }
