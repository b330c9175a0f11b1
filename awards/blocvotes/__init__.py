"""A bloc's year-end votes on the voting engine (domain.md §7.1, §17.4): suy tôn of the leading unit for the
provincial flag and bình xét of the members proposed for the other awards. One vote per member enterprise
(cast by its representative or delegate), the quorum and threshold of the bloc's rules, a tie to a second
round; the vote's result becomes the bloc's nominations."""
