"""Everything Qt: the counter's main window, list pages, forms, dialogs and theme."""
