"""The counter's use cases: one function per action, each one transaction."""
