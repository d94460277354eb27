"""The published data files: JSON, CSV and JSON Schema."""
