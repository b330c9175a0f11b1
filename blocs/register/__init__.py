"""The register: the Board's industrial parks, its enterprises, the people acting for an enterprise, and the
enterprise Excel import and export.

The lowest sub-domain of ``blocs``: it imports none of the others. The enterprise pages show what the
sub-domains above know about an enterprise (its bloc, its pledges) through the signals of
``blocs.register.signals``.
"""
