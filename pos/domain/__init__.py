"""Pure business rules: money, valuation, search text, value types. Standard library only."""
