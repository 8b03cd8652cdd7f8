"""The history's chart: what was received per day (bars) and the decline rate (a line) over
the filter's period, one currency at a time (amounts in two currencies do not add up).

The points come from HistoryService.chart (a grouped read off the GUI thread), per local day
of the shop, or per month for a long period. QtCharts is imported here only, when the chart
is first shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from posdesk.domain.history import ChartPoint
from posdesk.domain.money import currency_exponent
from posdesk.gui.common import theme


class HistoryChart(QWidget):
    shown = Signal()  # the chart was drawn (tests and screenshots)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[ChartPoint] = []
        self.currency_combo = QComboBox(self)
        self.currency_combo.currentIndexChanged.connect(lambda _i: self._draw())
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)

        top = QHBoxLayout()
        self.currency_label = QLabel(self.tr("Currency"), self)
        top.addWidget(self.currency_label)
        top.addWidget(self.currency_combo)
        top.addStretch(1)
        top.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        # A method, not a lambda: Qt disconnects it when this widget goes.
        theme.notifier().changed.connect(self._scheme_changed)

    def _scheme_changed(self, _scheme: str) -> None:
        self._draw()

    def loading(self) -> None:
        self.status_label.setText(self.tr("Adding up…"))

    def show_points(self, points: Sequence[ChartPoint]) -> None:
        """Draw `points` (one currency's at a time; the most common currency first)."""
        self.points = list(points)
        volume: dict[str, int] = {}
        for point in self.points:
            volume[point.currency] = volume.get(point.currency, 0) + point.count
        chosen = self.currency_combo.currentText()
        currencies = sorted(volume, key=lambda c: (-volume[c], c))
        self.currency_combo.blockSignals(True)
        self.currency_combo.clear()
        self.currency_combo.addItems(currencies)
        if chosen in currencies:
            self.currency_combo.setCurrentText(chosen)
        self.currency_combo.blockSignals(False)
        self.currency_combo.setVisible(len(currencies) > 1)
        self.currency_label.setVisible(len(currencies) > 1)
        self._draw()

    def series_of(self, currency: str) -> list[ChartPoint]:
        return sorted((p for p in self.points if p.currency == currency), key=lambda p: p.day)

    def _draw(self) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        currency = self.currency_combo.currentText()
        points = self.series_of(currency)
        if not points:
            self.status_label.setText(self.tr("No payments in this period."))
            chart.setTitle("")
            self.shown.emit()
            return
        monthly = len({p.day.day for p in points}) == 1 and len(points) > 1
        self.status_label.setText(self.tr("Per month") if monthly else self.tr("Per day"))
        scale = 10 ** currency_exponent(currency)
        bars = QBarSet(self.tr("Received (%1)").replace("%1", currency))
        bars.setColor(theme.colour(theme.Role.ACCENT))
        rates = QLineSeries()
        rates.setName(self.tr("Declined (%)"))
        rates.setColor(theme.colour(theme.Role.BAD))
        labels = []
        most = 0.0
        for index, point in enumerate(points):
            amount = point.received / scale
            most = max(most, amount)
            bars.append(amount)
            rate = point.decline_rate
            rates.append(QPointF(index, 100.0 * rate if rate is not None else 0.0))
            labels.append(self._label(point.day, monthly))
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        chart.addSeries(rates)

        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        x_axis.setLabelsAngle(-90 if len(labels) > 12 else 0)
        money_axis = QValueAxis()
        money_axis.setRange(0, most * 1.1 if most else 1)
        money_axis.setLabelFormat("%.0f")
        money_axis.setTitleText(currency)
        rate_axis = QValueAxis()
        rate_axis.setRange(0, 100)
        rate_axis.setLabelFormat("%.0f%%")
        for axis, where in ((x_axis, Qt.AlignmentFlag.AlignBottom),
                            (money_axis, Qt.AlignmentFlag.AlignLeft),
                            (rate_axis, Qt.AlignmentFlag.AlignRight)):
            chart.addAxis(axis, where)
        series.attachAxis(x_axis)
        series.attachAxis(money_axis)
        rates.attachAxis(x_axis)
        rates.attachAxis(rate_axis)
        self._colour_text(chart, (x_axis, money_axis, rate_axis))
        self.shown.emit()

    @staticmethod
    def _colour_text(chart: QChart, axes: Sequence[QValueAxis | QBarCategoryAxis]) -> None:
        # The chart paints its own background: it follows the light or dark scheme too.
        text = theme.colour(theme.Role.TEXT)
        chart.setBackgroundBrush(theme.colour(theme.Role.PANEL))
        chart.legend().setLabelColor(text)
        chart.setTitleBrush(text)
        for axis in axes:
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)

    @staticmethod
    def _label(day: date, monthly: bool) -> str:
        locale = QLocale()
        # Short: a month's worth of them stand side by side under the bars.
        return locale.toString(day, "MMM yyyy" if monthly else "MMM d")
