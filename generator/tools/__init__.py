"""The command line (`explainer`), its live preview and its helpers for contributors."""
