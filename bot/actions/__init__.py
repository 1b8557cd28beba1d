"""Custom actions for the PEP Voice assistant (rasa-sdk action server)."""
