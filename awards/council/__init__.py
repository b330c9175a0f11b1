"""The Board's council (Hội đồng Thi đua - Khen thưởng): sessions that vote on the nominations before them,
one approval ballot per nominee per member on the voting engine (``blocs.voting``), absent members' written
opinions recorded and counted, thresholds per award type over all members, and the session's minutes."""
