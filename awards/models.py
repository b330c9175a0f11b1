"""Every model of the awards app (label "awards"), re-exported from the sub-domain that defines it."""

from awards.catalogue.models import AwardType, BaseSalary, DossierRequirement, QuotaRule

__all__ = ["AwardType", "BaseSalary", "DossierRequirement", "QuotaRule"]
