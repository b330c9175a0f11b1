"""Input validation for the nomination screens. Writes go through ``awards.nominations.services``."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.catalogue.queries import nominable_award_types
from awards.enums import DocumentType, SubjectKind
from awards.nominations.services.nominations import MAX_ACHIEVEMENT
from blocs.enums import MembershipStatus, YearStatus
from blocs.membership.models import EmulationYear
from blocs.membership.queries import led_bloc_ids
from blocs.register.models import Enterprise
from blocs.register.permissions import can_manage_blocs
from blocs.register.queries import enterprise_of
from thidua.documents.uploads import PdfUploadValidator


def proposable_enterprises(user, board):
    """The enterprises ``user`` may propose: all of the Board's (its officers), the members of the blocs the
    user leads, and the user's own enterprise."""
    enterprises = Enterprise.objects.filter(organization=board, active=True)
    if can_manage_blocs(user):
        return enterprises.order_by("name")
    link = enterprise_of(user)
    own = [link.enterprise_id] if link is not None else []
    return (
        enterprises.filter(
            Q(pk__in=own)
            | Q(
                memberships__bloc_id__in=led_bloc_ids(user),
                memberships__status=MembershipStatus.ACTIVE,
                memberships__year__status=YearStatus.OPEN,
            )
        )
        .distinct()
        .order_by("name")
    )


class NominationForm(forms.Form):
    year = forms.ModelChoiceField(label=_("Year"), queryset=EmulationYear.objects.none())
    award_type = forms.ModelChoiceField(label=_("Award"), queryset=nominable_award_types())
    subject_kind = forms.ChoiceField(label=_("Subject"), choices=SubjectKind.choices)
    enterprise = forms.ModelChoiceField(label=_("Enterprise"), queryset=Enterprise.objects.none())
    subject_name = forms.CharField(
        label=_("Name of the sub-unit or person"),
        max_length=255,
        required=False,
        help_text=_("Leave empty for the enterprise itself"),
    )
    position = forms.CharField(
        label=_("Position"), max_length=150, required=False, help_text=_("For a person")
    )
    direct_worker = forms.BooleanField(label=_("Works directly in production"), required=False)
    achievement = forms.CharField(
        label=_("Achievement"),
        max_length=MAX_ACHIEVEMENT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The phrase printed in the decision's list and on the certificate"),
    )

    def __init__(self, *args, user, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = EmulationYear.objects.filter(
            organization=board, status=YearStatus.OPEN
        )
        self.fields["enterprise"].queryset = proposable_enterprises(user, board)
        self.fields["award_type"].label_from_instance = lambda t: t.printed_name(board)


class NominationEditForm(forms.Form):
    subject_name = forms.CharField(label=_("Name of the sub-unit or person"), max_length=255, required=False)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    direct_worker = forms.BooleanField(label=_("Works directly in production"), required=False)
    achievement = forms.CharField(
        label=_("Achievement"), max_length=MAX_ACHIEVEMENT, widget=forms.Textarea(attrs={"rows": 4})
    )


class DocumentForm(forms.Form):
    document_type = forms.ChoiceField(label=_("Document"), choices=DocumentType.choices)
    title = forms.CharField(label=_("Title"), max_length=255, required=False)
    file = forms.FileField(label=_("PDF file"), validators=[PdfUploadValidator()])


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class InvestigationForm(forms.Form):
    flagged = forms.BooleanField(
        label=_("Under discipline, investigation, inspection or unresolved complaint"), required=False
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class RevocationForm(forms.Form):
    decision = forms.CharField(
        label=_("Revoking decision"),
        max_length=120,
        help_text=_("e.g. Quyết định số 20/QĐ-BQL ngày 10/03/2026"),
    )
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
