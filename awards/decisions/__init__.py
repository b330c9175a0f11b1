"""The Board's award decisions (Quyết định khen thưởng, domain.md §9.3) for its own awards: the lines of the
approved nominations with their money, signed before numbered through the platform's signing workflow,
rendered by the worker, and the nominations DECIDED once signed."""
