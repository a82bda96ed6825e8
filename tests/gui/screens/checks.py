"""What a screenshot is checked for: no widget's text wider than the widget, no widget outside
the window, and text that stands out from what is behind it (measured on the pixels)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from app.ui.contrast import contrast_ratio

SLACK = 1  # px of rounding


def _in_scroll_content(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's viewport: it may scroll out of sight by design."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisible() and widget.isVisibleTo(top) and widget.width() > 0


def _label_text(label: QLabel) -> str | None:
    text = label.text()
    if not text or "<" in text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    return text.replace("&&", "&") if label.buddy() is None else text.replace("&", "")


def layout_problems(top: QWidget) -> list[str]:
    """Widgets outside the window, buttons whose label is wider than their room, labels whose
    text is cut (one line too wide, or wrapped text taller than the label)."""
    problems: list[str] = []
    bounds = top.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
    for w in top.findChildren(QWidget):
        if not _shown(w, top) or _in_scroll_content(w, top):
            continue
        name = w.objectName() or type(w).__name__
        rect = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
        if not bounds.contains(rect):
            problems.append(f"{name} is outside the window ({rect.getRect()} in {top.size()})")
        if isinstance(w, QAbstractButton) and w.text():
            option = QStyleOptionButton()
            option.initFrom(w)
            option.text = w.text()
            room = w.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, w)
            need = w.fontMetrics().horizontalAdvance(w.text().replace("&", ""))
            if room.width() + SLACK < need and type(w).__name__ in ("QPushButton", "HoldButton"):
                problems.append(f"button {name} clips its label ({room.width()} < {need} px)")
        if isinstance(w, QLabel):
            text = _label_text(w)
            if text is None:
                continue
            room = w.contentsRect().width() - 2 * w.margin() - 2 * w.indent() * 0
            if w.wordWrap():
                need_h = w.heightForWidth(w.width())
                if need_h > w.height() + 2:
                    problems.append(f"label {name} is cut ({w.height()} < {need_h} px tall)")
            else:
                widest = max(w.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
                if widest > room + SLACK:
                    problems.append(f"label {name} is cut ({room} < {widest} px): {text[:40]!r}")
    return problems


def _hex(rgb: np.ndarray) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(int(c) for c in rgb))


def pixel_contrast_problems(top: QWidget, image: QImage) -> list[str]:
    """For each visible enabled label and button with text: the background is the most common
    colour in its box, the text the colour (seen at least 4 times) that differs most from it;
    their ratio must be 4.5:1 (3:1 for text of 18 pt and more)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(bytes(rgb.constBits()), dtype=np.uint8)
    pixels = raw.reshape(rgb.height(), rgb.bytesPerLine())[:, : rgb.width() * 3]
    pixels = pixels.reshape(rgb.height(), rgb.width(), 3)
    scale = rgb.width() / max(1, top.width())
    problems: list[str] = []
    for w in top.findChildren(QWidget):
        if not isinstance(w, QLabel | QAbstractButton) or not w.isEnabled():
            continue
        if not _shown(w, top) or _in_scroll_content(w, top) or not w.text().strip():
            continue
        if isinstance(w, QLabel) and _label_text(w) is None:
            continue
        inner = w.contentsRect().adjusted(2, 2, -2, -2)
        origin = w.mapTo(top, inner.topLeft())
        x0, y0 = int(origin.x() * scale), int(origin.y() * scale)
        x1, y1 = x0 + int(inner.width() * scale), y0 + int(inner.height() * scale)
        box = pixels[max(0, y0) : max(0, y1), max(0, x0) : max(0, x1)].reshape(-1, 3)
        if len(box) < 50:
            continue
        colours, counts = np.unique(box, axis=0, return_counts=True)
        background = colours[int(np.argmax(counts))]
        candidates = colours[counts >= 4]
        if len(candidates) < 2:
            continue
        bg = _hex(background)
        best = max((contrast_ratio(_hex(c), bg), _hex(c)) for c in candidates)
        large = w.font().pointSizeF() >= 18 or (w.font().bold() and w.font().pointSizeF() >= 14)
        need = 3.0 if large else 4.5
        if best[0] < need:
            name = w.objectName() or type(w).__name__
            problems.append(f"{name} text {best[1]} on {bg} is {best[0]:.2f}:1 (< {need})")
    return problems
