"""Matching calculators for step 5: a checklist for one practice ("matching", checklist_calculator) and
regional matching ("matching-regio", regional_calculator); both registered in calculators._registry."""
