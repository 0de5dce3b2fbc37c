"""Small settings dialogs of the work menu: the 大龄 line (the age from which a worker counts
as an older, hardship worker; 女40 / 男50 unless the district sets its own)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from station_desk.services import hardship
from station_desk.services.context import Desk


def _age_box(name: str, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(16, 100)
    box.setValue(value)
    return box


class OlderAgeDialog(QDialog):
    """The 大龄 line for men and women; Enter saves, Esc cancels."""

    def __init__(self, desk: Desk, changed: Callable[[], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("olderAgeDialog")
        self.setWindowTitle(self.tr("Older-worker age line"))
        self.desk, self.changed = desk, changed
        ages = hardship.older_ages(desk)
        self.male = _age_box("male", ages["男"])
        self.female = _age_box("female", ages["女"])
        hint = QLabel(
            self.tr(
                "From this age (read from the ID number) a worker counts as an older worker "
                "and is listed in the hardship ledger (131)."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(hint)
        layout.addRow(self.tr("Men, from age"), self.male)
        layout.addRow(self.tr("Women, from age"), self.female)
        layout.addRow(self.error)
        layout.addRow(buttons)
        self.male.setFocus()
        self.male.selectAll()

    def save(self) -> None:
        try:
            hardship.set_older_ages(self.desk, self.male.value(), self.female.value())
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.changed()
        self.accept()


__all__ = ["OlderAgeDialog"]
