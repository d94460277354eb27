"""What a record is: the pydantic models, their field types and vocabularies, times, and
the JSON Schema generated from them."""
