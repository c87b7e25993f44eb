"""UI language through Qt's translation system: our .qm plus Qt's own for standard dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from leaflet_app.core.bundled import resource_path


class UiLanguage:
    """Installs or removes the Chinese translators; English is the source language.

    The translators are loaded once and reused: a switch installs or removes them, so a
    kiosk that switches all day keeps two of them, not one pair per switch.
    """

    def __init__(self) -> None:
        self._loaded: list[QTranslator] | None = None
        self._installed = False
        self.current = "en"

    def set(self, lang: str) -> None:
        if lang == self.current:
            return
        app = QCoreApplication.instance()
        assert app is not None
        if lang == "zh":
            for translator in self._chinese(app):
                app.installTranslator(translator)
            self._installed = True
        elif self._installed:
            for translator in self._chinese(app):
                app.removeTranslator(translator)
            self._installed = False
        self.current = lang

    def _chinese(self, app: QCoreApplication) -> list[QTranslator]:
        if self._loaded is None:
            loaded: list[QTranslator] = []
            ours = QTranslator(app)
            if ours.load(str(resource_path("translations/leaflet_app_zh_CN.qm"))):
                loaded.append(ours)
            else:
                ours.deleteLater()
            qt_own = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qt", "_", qt_dir):
                loaded.append(qt_own)
            else:
                qt_own.deleteLater()
            self._loaded = loaded
        return self._loaded


_shared: UiLanguage | None = None


def shared_ui_language() -> UiLanguage:
    """The one UiLanguage of the process: translators are installed application-wide."""
    global _shared
    if _shared is None:
        _shared = UiLanguage()
    return _shared
