"""Link the loaded records into one Dataset: references, cross-record rules, chronology."""
