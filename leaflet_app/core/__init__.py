"""Qt-free core: content model, loading, checking, rendering, search and print layout."""
