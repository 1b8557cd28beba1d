"""Words and styles the pages show for stored values: shared by several routers, owned by none."""
