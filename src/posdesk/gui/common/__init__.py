"""Pieces every screen uses: background work, icons and styles, table model bases."""
