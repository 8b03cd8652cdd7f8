"""Package discovery: the code under src/ plus the top-level resources/ folder, which ships
as posdesk.resources (pyproject.toml cannot list both a find and an extra package)."""

from setuptools import find_packages, setup

setup(packages=[*find_packages("src"), "posdesk.resources"])
