"""The settings dialog and its panels (keys, store, terminals), and the keyring help."""
