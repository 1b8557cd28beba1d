"""Database plumbing: the declarative base and the engine/session factory."""
