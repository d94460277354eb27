"""Write output: only changed files, into a staging folder swapped in whole, one build at a
time, with clean-up on interruption."""
