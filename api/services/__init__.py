"""Business rules. Services call repositories, the screen and the coach; they never commit."""
