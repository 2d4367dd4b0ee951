"""Cost versus subsidy calculator ("kosten"): inputs, model and page rendering."""
