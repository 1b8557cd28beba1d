"""PEP Voice API: the record of every PEP, its sections and the child's own views."""
