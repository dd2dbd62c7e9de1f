"""Screen helpers that talk to the services in thread workers; no widgets here."""
