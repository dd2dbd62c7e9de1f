"""Full screens: decks, study, article, stats."""
