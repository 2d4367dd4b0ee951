"""Page content generated from data/: tables, the changelog, the region block and the fragments the pages embed."""
