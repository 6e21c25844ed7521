"""发布与通报: publish the catalogue as a web folder, print the room's poster, write a new-book notice (新书通报).

One URL serves the first two: where the published catalogue is read, and where the poster's QR code points; it is
remembered in the room's settings (services.common.settings.PUBLISHED_URL). The work runs off the GUI thread
(the window's TaskRunner); what was written, or why nothing was, is said on the dialog's last line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import clock, settings
from bookroom_desk.services.publishing import notice_text
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_int

DAYS, PERIOD, BATCH = "days", "period", "batch"


class PublishDialog(QDialog):
    """Three parts: 发布书目 (a folder, the URL), 海报 (A4 or A3), 新书通报 (a period, the last days or a batch; PDF or PNG)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(self.tr("发布与通报"))
        self.ctx = ctx
        self.written: list[Path] = []  # what the last task wrote (the tests read it)
        with ctx.read() as session:
            remembered = settings.get(session, settings.PUBLISHED_URL)
            batches = notice_text.book_batches(session)

        self.url = QLineEdit(remembered, self)
        self.url.setObjectName("publishUrl")
        self.url.setPlaceholderText(self.tr("如 https://example.org/shuwu/（书目发布后读者打开的网址）"))
        self.url.setClearButtonEnabled(True)
        url_hint = QLabel(self.tr("发布的书目放到这个网址后，海报上的二维码就指向它。没有网址时海报不印二维码。"), self)
        url_hint.setWordWrap(True)

        # 发布书目
        self.folder = QLineEdit(self)
        self.folder.setObjectName("publishFolder")
        self.folder.setPlaceholderText(self.tr("选择一个文件夹，书目网页写在里面"))
        choose = self._button("publishFolderButton", self.tr("选择…"), self.choose_folder)
        self.publish_button = self._button("publishButton", self.tr("发布书目…"), self.ask_publish)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("publishProgress")
        self.progress.hide()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        publish_box = QGroupBox(self.tr("发布书目"), self)
        publish_layout = QVBoxLayout(publish_box)
        publish_hint = QLabel(self.tr("把馆藏书目写成一组网页（不含任何读者信息），复制到单位的网站或共享文件夹，"
                                      "职工用手机就能查书、看新书。"), publish_box)
        publish_hint.setWordWrap(True)
        publish_layout.addWidget(publish_hint)
        publish_layout.addLayout(folder_row)
        publish_row = QHBoxLayout()
        publish_row.addWidget(self.progress, 1)
        publish_row.addStretch(0)
        publish_row.addWidget(self.publish_button)
        publish_layout.addLayout(publish_row)

        # 海报
        self.poster_size = QComboBox(self)
        self.poster_size.setObjectName("posterSize")
        self.poster_size.addItem(self.tr("A4（门上、公告栏）"), "a4")
        self.poster_size.addItem(self.tr("A3（大幅）"), "a3")
        self.poster_button = self._button("posterButton", self.tr("海报…"), self.ask_poster)
        poster_box = QGroupBox(self.tr("海报"), self)
        poster_layout = QHBoxLayout(poster_box)
        poster_layout.addWidget(QLabel(self.tr("书屋名称、开放时间、数字阅读服务和书目二维码，纸张："), poster_box), 1)
        poster_layout.addWidget(self.poster_size)
        poster_layout.addWidget(self.poster_button)

        # 新书通报
        self.scope = QButtonGroup(self)
        self.by_days = QRadioButton(self.tr("最近"), self)
        self.by_days.setObjectName("noticeByDays")
        self.days = QSpinBox(self)
        self.days.setObjectName("noticeDays")
        self.days.setRange(1, notice_text.MOST_DAYS)
        self.days.setValue(30)
        self.days.setSuffix(self.tr(" 天"))
        self.by_period = QRadioButton(self.tr("期间"), self)
        self.by_period.setObjectName("noticeByPeriod")
        today = QDate(clock.today())
        self.start = QDateEdit(today.addMonths(-1), self)
        self.start.setObjectName("noticeStart")
        self.end = QDateEdit(today, self)
        self.end.setObjectName("noticeEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.by_batch = QRadioButton(self.tr("导入批次"), self)
        self.by_batch.setObjectName("noticeByBatch")
        self.batch = QComboBox(self)
        self.batch.setObjectName("noticeBatch")
        for choice in batches:
            self.batch.addItem(self.tr("{label}，{copies} 册").format(label=choice.label, copies=fmt_int(choice.copies)),
                               choice.batch_id)
        if not batches:
            self.by_batch.setEnabled(False)
            self.batch.setEnabled(False)
            self.by_batch.setToolTip(self.tr("还没有导入过配送清单"))
        for number, button in enumerate((self.by_days, self.by_period, self.by_batch)):
            self.scope.addButton(button, number)
        self.by_days.setChecked(True)
        self.format = QComboBox(self)
        self.format.setObjectName("noticeFormat")
        self.format.addItem(self.tr("PDF（A4，贴公告栏）"), ".pdf")
        self.format.addItem(self.tr("PNG 长图（发到职工群）"), ".png")
        self.notice_button = self._button("noticeButton", self.tr("新书通报…"), self.ask_notice)
        notice_box = QGroupBox(self.tr("新书通报"), self)
        notice_form = QFormLayout(notice_box)
        days_row = QHBoxLayout()
        days_row.addWidget(self.by_days)
        days_row.addWidget(self.days)
        days_row.addStretch(1)
        period_row = QHBoxLayout()
        period_row.addWidget(self.by_period)
        period_row.addWidget(self.start)
        period_row.addWidget(QLabel(self.tr("至"), notice_box))
        period_row.addWidget(self.end)
        period_row.addStretch(1)
        batch_row = QHBoxLayout()
        batch_row.addWidget(self.by_batch)
        batch_row.addWidget(self.batch, 1)
        format_row = QHBoxLayout()
        format_row.addWidget(self.format, 1)
        format_row.addWidget(self.notice_button)
        notice_form.addRow(days_row)
        notice_form.addRow(period_row)
        notice_form.addRow(batch_row)
        notice_form.addRow(self.tr("格式："), format_row)

        self.message = QLabel(self)
        self.message.setObjectName("publishMessage")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        url_form = QFormLayout()
        url_form.addRow(self.tr("书目网址："), self.url)
        layout = QVBoxLayout(self)
        layout.addLayout(url_form)
        layout.addWidget(url_hint)
        layout.addWidget(publish_box)
        layout.addWidget(poster_box)
        layout.addWidget(notice_box)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(640, self.sizeHint().height())

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        return button

    def say(self, text: str) -> None:
        self.message.setText(text)

    def _refused(self, error: BookroomError) -> None:
        """A task's refusal (a folder, a batch gone, a disk fault), said where the dialog says everything."""
        self.say(error.message)

    def _url(self) -> str | None:
        """The URL typed, checked (a BookroomError says what is wrong with it)."""
        return notice_text.checked_url(self.url.text())

    def _remember(self, url: str | None) -> None:
        if url is None:
            return
        with self.ctx.write() as session:
            settings.set_value(session, settings.PUBLISHED_URL, url, actor=self.ctx.actor)

    def _busy(self, busy: bool) -> None:
        for button in (self.publish_button, self.poster_button, self.notice_button):
            button.setEnabled(not busy)

    # 发布书目 ---------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("书目写到哪个文件夹"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def ask_publish(self) -> None:
        if not self.folder.text().strip():
            self.choose_folder()
        if self.folder.text().strip():
            self.publish(self.folder.text().strip())

    def publish(self, folder: str) -> None:
        """Write the catalogue's pages into ``folder`` off the GUI thread, the bar following; say what was written."""
        try:
            url = self._url()
        except BookroomError as exc:
            self.say(exc.message)
            return
        from bookroom_desk.services.publishing.catalogue_site import publish_catalogue

        db, target = self.ctx.db, Path(folder)
        self._busy(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.say(self.tr("正在发布书目…"))

        def work(progress):
            return publish_catalogue(db, target, url=url, progress=progress)

        def done(result) -> None:
            self._busy(False)
            self.progress.hide()
            self._remember(url)
            self.written = [Path(result.index)]
            self.say(self.tr("已发布 {titles} 种书目，共 {files} 个文件，首页：{index}。把整个文件夹复制到网站上即可。").format(
                titles=fmt_int(result.titles), files=fmt_int(result.files), index=result.index))

        def moved(done_: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done_)

        self.ctx.tasks.run(work, done, self._refused, moved, owner=self, on_failure=self._failed)

    def _failed(self) -> None:
        self._busy(False)
        self.progress.hide()

    # 海报 ------------------------------------------------------------------------------------

    def ask_poster(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("保存海报"), self.tr("书屋海报.pdf"),
                                                    self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.save_poster(path if path.lower().endswith(".pdf") else path + ".pdf")

    def save_poster(self, path: str) -> None:
        """The poster on the paper chosen, with the QR code when a URL is given; say when it has none."""
        try:
            url = self._url()
        except BookroomError as exc:
            self.say(exc.message)
            return
        paper = self.poster_size.currentData()
        with self.ctx.read() as session:
            facts = notice_text.poster_facts(session)
        self._busy(True)

        def work(_progress):
            from bookroom_desk.printing.poster import write_poster_pdf

            write_poster_pdf(facts, path, paper=paper, url=url)
            return Path(path)

        def done(written: Path) -> None:
            self._busy(False)
            self._remember(url)
            self.written = [written]
            if url:
                self.say(self.tr("已保存海报：{path}。二维码指向 {url}，打印前请用手机扫一下试试。").format(
                    path=written, url=url))
            else:
                self.say(self.tr("已保存海报：{path}。没有填书目网址，海报上没有二维码。").format(path=written))

        self.ctx.tasks.run(work, done, self._refused, owner=self, on_failure=lambda: self._busy(False))

    # 新书通报 ----------------------------------------------------------------------------------

    def scope_kind(self) -> str:
        return (DAYS, PERIOD, BATCH)[max(0, self.scope.checkedId())]

    def ask_notice(self) -> None:
        suffix = self.format.currentData()
        kind = self.tr("PDF 文件 (*.pdf)") if suffix == ".pdf" else self.tr("PNG 图片 (*.png)")
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("保存新书通报"), self.tr("新书通报") + suffix, kind)
        if path:
            self.save_notice(path if path.lower().endswith(suffix) else path + suffix)

    def save_notice(self, path: str) -> None:
        """The new books of the period, days or batch chosen, as a PDF or PNG images (by ``path``'s suffix)."""
        kind = self.scope_kind()
        chosen = (self.batch.currentData() if kind == BATCH else None, self.start.date().toPython(),
                  self.end.date().toPython(), self.days.value())
        try:  # a reversed period is said at once, before any work
            if kind == PERIOD:
                notice_text.period_scope(chosen[1], chosen[2])
        except BookroomError as exc:
            self.say(exc.message)
            return
        self._busy(True)

        def work(_progress):  # the read (a big batch is thousands of titles) and the painting, off the GUI thread
            from bookroom_desk.printing import new_books as printed

            with self.ctx.read() as session:
                if kind == BATCH:
                    scope = notice_text.batch_scope(session, chosen[0])
                elif kind == PERIOD:
                    scope = notice_text.period_scope(chosen[1], chosen[2])
                else:
                    scope = notice_text.days_scope(chosen[3])
                notice = notice_text.gather(session, scope)
            if path.lower().endswith(".png"):
                return notice, printed.write_notice_png(notice.books, notice.words, path)
            printed.write_notice_pdf(notice.books, notice.words, path)
            return notice, [Path(path)]

        def done(result) -> None:
            notice, written = result
            self._busy(False)
            self.written = written
            what = (self.tr("{scope}：新到图书 {titles} 种 {copies} 册。").format(
                scope=notice.scope.label, titles=fmt_int(len(notice.books)), copies=fmt_int(notice.copies))
                if notice.books else
                self.tr("{scope}：没有新到的图书，通报上写明了没有新书。").format(scope=notice.scope.label))
            if len(written) > 1:
                where = self.tr("通报较长，分成了 {count} 张图片，请按顺序发送：{paths}").format(
                    count=len(written), paths=self.tr("、").join(str(p) for p in written))
            else:
                where = self.tr("已保存：{path}").format(path=written[0])
            self.say(self.tr("{done}{where}").format(done=what, where=where))

        self.ctx.tasks.run(work, done, self._refused, owner=self, on_failure=lambda: self._busy(False))
