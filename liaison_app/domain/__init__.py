"""Bottom layer: records, enums, validation rules. Standard library only."""
