"""The main window and what runs beside it: sync status, the change bridge, controllers."""
