"""Every write of the catalogue: the quota rules of a year (``quotas``). Keyword-only, atomic, audited."""
