"""Finding, creating and showing customers, with their saved cards and payments."""
