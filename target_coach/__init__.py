"""The target coach: checks a PEP target against the SMART test and helps fix it."""
