"""The signer block of a document (Decree 30/2020, Art. 13 and Appendix I box 7): authority prefix, title,
name. The prefix follows the signer's position stored on their signer role, never their title's wording:

======================  ===========================  =====================
position                first line                   second line
======================  ===========================  =====================
head                    TRƯỞNG BAN (their title)     (none)
deputy                  KT. TRƯỞNG BAN               PHÓ TRƯỞNG BAN
acting head             Q. TRƯỞNG BAN                (none)
collective (TM.)        TM. HỘI ĐỒNG …               CHỦ TỊCH (their title)
======================  ===========================  =====================

"TRƯỞNG BAN" is the Board's ``head_title``. A bloc's documents are signed "TM. KHỐI THI ĐUA / KHỐI TRƯỞNG"
by the leader enterprise's representative (``collective_signer_block``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from thidua.accounts.enums import BoardRole, SigningPosition
from thidua.accounts.models import BoardMembership
from thidua.documents.enums import SignerPrefix


def signer_block(*, position: str, title: str, name: str, head_title: str, signs_for: str = "") -> dict:
    """``{"prefix", "authority", "title", "name"}`` as ``issue_document`` takes it."""
    if position == SigningPosition.HEAD:
        return {"prefix": SignerPrefix.NONE, "authority": "", "title": title or head_title, "name": name}
    if position == SigningPosition.DEPUTY:
        return {"prefix": SignerPrefix.KT, "authority": head_title, "title": title, "name": name}
    if position == SigningPosition.ACTING:
        return {"prefix": SignerPrefix.Q, "authority": head_title, "title": "", "name": name}
    if position == SigningPosition.COLLECTIVE:
        return collective_signer_block(body=signs_for, title=title, name=name)
    raise ValueError(f"Unknown signing position {position!r}.")


def collective_signer_block(*, body: str, title: str, name: str) -> dict:
    """ "TM. <BODY>" over "<TITLE>": e.g. a bloc's documents, "TM. KHỐI THI ĐUA" / "KHỐI TRƯỞNG"."""
    return {"prefix": SignerPrefix.TM, "authority": body, "title": title, "name": name}


def signer_role_of(user) -> BoardMembership | None:
    return (
        BoardMembership.objects.select_related("organization")
        .filter(user=user, role=BoardRole.SIGNER, organization_id=user.organization_id)
        .first()
    )


def board_signer_block(user) -> dict:
    """The block ``user`` signs the Board's documents with; a ValidationError when they cannot sign."""
    role = signer_role_of(user)
    if role is None or not user.is_active:
        raise ValidationError({"signer": _("Choose a signer of your Board.")})
    if not role.signing_position:
        raise ValidationError(
            {
                "signer": _(
                    "This signer's position is not set yet: a Board administrator sets it on the staff page."
                )
            }
        )
    return signer_block(
        position=role.signing_position,
        title=role.title,
        name=user.full_name,
        head_title=role.organization.head_title,
        signs_for=role.signs_for,
    )
