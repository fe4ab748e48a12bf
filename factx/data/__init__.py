"""Packaged data: lexicons, gazetteers and unit definitions (see sources/ for provenance)."""
