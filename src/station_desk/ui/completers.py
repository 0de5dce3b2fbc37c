"""Completion of occupations (工种) from the catalogue, by name, alias, pinyin or initials."""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from station_desk.domain.occupations import search_occupations

_SEPARATORS = re.compile(r"[、，,;；/\s]+")
MAX_SUGGESTIONS = 12


class OccupationCompleter(QCompleter):
    """Suggests catalogue occupations for the word being typed. With multi, the field holds
    several trades separated by 、 and only the last one is completed."""

    def __init__(self, edit: QLineEdit, multi: bool = False) -> None:
        super().__init__(edit)
        self._edit = edit
        self._multi = multi
        self._names = QStringListModel(self)
        self.setModel(self._names)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(MAX_SUGGESTIONS)
        self.setWidget(edit)
        edit.textEdited.connect(self._update)
        self.activated[str].connect(self._insert)

    def _current_word(self) -> tuple[str, str]:
        text = self._edit.text()
        if not self._multi:
            return "", text
        parts = _SEPARATORS.split(text)
        word = parts[-1] if parts else ""
        return text[: len(text) - len(word)], word

    def _update(self) -> None:
        _, word = self._current_word()
        names: list[str] = []
        for occupation in search_occupations(word, MAX_SUGGESTIONS) if word.strip() else []:
            if occupation.name not in names:
                names.append(occupation.name)
        self._names.setStringList(names)
        if names and names != [word]:
            self.complete()
        else:
            self.popup().hide()

    def _insert(self, name: str) -> None:
        head, _ = self._current_word()
        self._edit.setText(head + name)
        self._edit.setCursorPosition(len(self._edit.text()))
