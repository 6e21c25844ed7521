"""The mouse wheel scrolls the page: it changes a spin box or a list box only when that has the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

_GUARDED = (QAbstractSpinBox, QComboBox)  # not sliders: a scroll bar is one


class WheelGuard(QObject):
    """Stops a volunteer scrolling a long form from changing a value the pointer passes over.

    Such widgets take the keyboard by Tab or click only (not by the wheel), and a wheel turn over
    one that does not have the keyboard goes on to the scroll area around it.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, _GUARDED):
            return False
        if event.type() == QEvent.Type.Polish and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            # Hand it up the parents ourselves: Qt propagates only the wheel events the system sent.
            widget = watched.parentWidget()
            while isinstance(widget, QWidget):
                event.accept()
                QCoreApplication.sendEvent(widget, event)
                if event.isAccepted() or widget.isWindow():
                    break
                widget = widget.parentWidget()
            return True
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
