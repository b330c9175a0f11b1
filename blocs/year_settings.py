"""Defaults of an emulation year's editable settings (domain.md §11). Stored as JSON on EmulationYear."""

from decimal import Decimal

DEFAULT_YEAR_SETTINGS = {
    "bloc_quorum_ratio": "0.6667",  # ≥ 2/3 of the members take part
    "bloc_vote_threshold_ratio": "0.5",  # strictly more than 50 % of those present
    "leader_term_years": 1,
    "leader_consecutive_terms_allowed": False,
    "deputy_is_default_leader_candidate": True,
    "enterprise_report_day": 10,
    "bloc_report_day": 20,
    "objection_window_working_days": 5,
    "dossier_deadline": "12-10",  # MM-DD, before 10 December
}


def default_year_settings() -> dict:
    return dict(DEFAULT_YEAR_SETTINGS)


def ratio(settings: dict, key: str) -> Decimal:
    return Decimal(str(settings.get(key, DEFAULT_YEAR_SETTINGS[key])))
