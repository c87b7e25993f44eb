"""Qt widgets: they only wire the core to the screen."""
