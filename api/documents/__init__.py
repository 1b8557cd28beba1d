"""The PEP as a virtual school reads it: one content model, rendered as HTML, PDF and Word."""
