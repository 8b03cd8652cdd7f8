"""The only package that imports `stripe`: typed calls that return domain outcomes."""
