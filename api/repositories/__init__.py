"""The only code that queries the database. Services call these; routers never do."""
