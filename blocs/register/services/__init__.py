"""Every write of the register, one module per topic. Each service is keyword-only, atomic and audited."""

from blocs.register.services.enterprises import (
    PROFILE_FIELDS,
    create_enterprise,
    create_park,
    link_enterprise_user,
    update_enterprise,
    update_enterprise_profile,
    update_park,
)
from blocs.register.services.imports import ImportOutcome, commit_enterprise_import

__all__ = [
    "PROFILE_FIELDS",
    "ImportOutcome",
    "commit_enterprise_import",
    "create_enterprise",
    "create_park",
    "link_enterprise_user",
    "update_enterprise",
    "update_enterprise_profile",
    "update_park",
]
