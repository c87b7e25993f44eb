"""The one error printing and export raise, with a message fit to show a nurse."""


class ExportError(Exception):
    """A PDF could not be written; the message is meant for the user."""
