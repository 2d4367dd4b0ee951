"""Build-time code of the handbook (documents, ...); imports nothing from MkDocs."""
