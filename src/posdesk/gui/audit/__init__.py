"""The audit viewer for managers (audit_viewer.py)."""
