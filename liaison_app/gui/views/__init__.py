"""Layout-only classes (``FooView``): they build widgets, controllers fill and read them."""
