"""Exemplars (Người tốt, việc tốt): a record of a person's good deed (domain.md §8: not a legal title; the law
asks agencies to discover and publicise good people and good deeds), optionally proposed for the Board's
ad-hoc Giấy khen; the exemplar count of a year is derived from the records."""
