"""The award catalogue: award types (domain.md §8) with their dossier requirements, the statutory base salary
as dated values (ND 152/2025 Art. 49), and the quota rules of a Board per year (domain.md §7.3, §17.6)."""
