"""同步: what waits to be sent, what the platform acknowledged or returned (with its reasons), export to a USB
folder, send over the network, import receipts and updates, and the key fingerprints to compare by phone.

Everything that signs, encrypts, writes files or talks to the network runs through ``gui/ops.py``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from credit_desk.domain.errors import DomainError
from credit_desk.gui.i18n import QT_TRANSLATE_NOOP, aside, counted, current_lang, labelled, listing, words
from credit_desk.gui.labels import in_words
from credit_desk.gui.widgets.notice import ERROR_STYLE, LEAD_SCALE, relative_font, title_label
from credit_desk.gui.widgets.tables import set_widths
from credit_desk.gui import pickers
from credit_desk.services import browse, keys, resync, sync, sync_inbound

OK_STYLE = "color: #1b7f3b;"
# what a quarantined change is about, and what was done (words from the catalogue, issue 17 item 3)
ENTITY = {"subject": QT_TRANSLATE_NOOP("SyncView", "Credit subject"),
          "record": QT_TRANSLATE_NOOP("SyncView", "Record"), "case": QT_TRANSLATE_NOOP("SyncView", "Case"),
          "objection": QT_TRANSLATE_NOOP("SyncView", "Objection"),
          "document": QT_TRANSLATE_NOOP("SyncView", "Document"),
          "commitment": QT_TRANSLATE_NOOP("SyncView", "Credit commitment"),
          "commitment_item": QT_TRANSLATE_NOOP("SyncView", "Commitment item"),
          "supervision_flag": QT_TRANSLATE_NOOP("SyncView", "Supervision mark"),
          "interview": QT_TRANSLATE_NOOP("SyncView", "Interview record"),
          "cleanup_row": QT_TRANSLATE_NOOP("SyncView", "Clean-up ledger row"),
          "cleanup_contact": QT_TRANSLATE_NOOP("SyncView", "Clean-up contact"),
          "alert": QT_TRANSLATE_NOOP("SyncView", "Big-data alert"),
          "joint_decision": QT_TRANSLATE_NOOP("SyncView", "Joint-sanction match finding"),
          "office": QT_TRANSLATE_NOOP("SyncView", "This office"),
          "repair": QT_TRANSLATE_NOOP("SyncView", "Credit repair"),
          "doc_prefix": QT_TRANSLATE_NOOP("SyncView", "Document number prefix"),
          "credit_check": QT_TRANSLATE_NOOP("SyncView", "Credit check"),
          # issue 17 item 3: these showed as codes (「department 1（新增）」) in Chinese mode
          "department": QT_TRANSLATE_NOOP("SyncView", "Deciding department"),
          "admin_decision": QT_TRANSLATE_NOOP("SyncView", "Licence or penalty decision"),
          "calendar_year": QT_TRANSLATE_NOOP("SyncView", "Working-day calendar"),
          "exception_request": QT_TRANSLATE_NOOP("SyncView", "Exception request"),
          "interview_plan": QT_TRANSLATE_NOOP("SyncView", "Interview plan"),
          "ledger": QT_TRANSLATE_NOOP("SyncView", "Ledger"),
          "legacy_mapping": QT_TRANSLATE_NOOP("SyncView", "Earlier ledger import"),
          "publication_consent": QT_TRANSLATE_NOOP("SyncView", "Consent to publication"),
          "setting": QT_TRANSLATE_NOOP("SyncView", "Setting"),
          "user": QT_TRANSLATE_NOOP("SyncView", "User account")}
OP = {"insert": QT_TRANSLATE_NOOP("SyncView", "added"), "update": QT_TRANSLATE_NOOP("SyncView", "changed"),
      "upsert": QT_TRANSLATE_NOOP("SyncView", "updated"), "open": QT_TRANSLATE_NOOP("SyncView", "opened"),
      "notice": QT_TRANSLATE_NOOP("SyncView", "notice served"),
      "decide": QT_TRANSLATE_NOOP("SyncView", "decided"), "exit": QT_TRANSLATE_NOOP("SyncView", "exited"),
      "withdraw": QT_TRANSLATE_NOOP("SyncView", "withdrawn as wrongful"),
      "restore": QT_TRANSLATE_NOOP("SyncView", "back on its list"),
      "revoke": QT_TRANSLATE_NOOP("SyncView", "revoked"), "correct": QT_TRANSLATE_NOOP("SyncView", "corrected"),
      "repair_stop": QT_TRANSLATE_NOOP("SyncView", "publication stopped by a credit repair"),
      "close": QT_TRANSLATE_NOOP("SyncView", "closed"),
      "change": QT_TRANSLATE_NOOP("SyncView", "basis changed"),
      "approve": QT_TRANSLATE_NOOP("SyncView", "approved"), "resolve": QT_TRANSLATE_NOOP("SyncView", "answered"),
      "void": QT_TRANSLATE_NOOP("SyncView", "voided"), "reprint": QT_TRANSLATE_NOOP("SyncView", "reprinted"),
      "raise": QT_TRANSLATE_NOOP("SyncView", "raised"), "clear": QT_TRANSLATE_NOOP("SyncView", "cleared"),
      "accept": QT_TRANSLATE_NOOP("SyncView", "accepted"), "not_accept": QT_TRANSLATE_NOOP("SyncView", "not accepted"),
      "basis_revoked": QT_TRANSLATE_NOOP("SyncView", "basis revoked"),
      "clock_confirm": QT_TRANSLATE_NOOP("SyncView", "clock confirmed"),
      "department": QT_TRANSLATE_NOOP("SyncView", "department set"), "held": QT_TRANSLATE_NOOP("SyncView", "held"),
      "lift": QT_TRANSLATE_NOOP("SyncView", "lifted"),
      "non_repairable": QT_TRANSLATE_NOOP("SyncView", "marked not repairable"),
      "publication_stop": QT_TRANSLATE_NOOP("SyncView", "publication stopped"),
      "rectified": QT_TRANSLATE_NOOP("SyncView", "rectified"), "repair": QT_TRANSLATE_NOOP("SyncView", "repaired"),
      "repair_revert": QT_TRANSLATE_NOOP("SyncView", "repair reverted"),
      "revert": QT_TRANSLATE_NOOP("SyncView", "reverted"),
      "supplement": QT_TRANSLATE_NOOP("SyncView", "materials handed in"),
      "withdraw_proposal": QT_TRANSLATE_NOOP("SyncView", "withdrawal proposed")}


def _word(table: dict, code: str) -> str:
    """A code in words; one the tables do not know yet shows in words in English and as 「其他」 in Chinese, never
    as an internal code (issue 17 item 3)."""
    if code in table:
        return words("SyncView", table[code])
    return in_words(str(code)) if current_lang() == "en" else words("SyncView", OTHER)


OTHER = QT_TRANSLATE_NOOP("SyncView", "other")




def _table(name: str, headers: list[str], widths: list[int]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    set_widths(t, list(widths))
    return t


class SyncView(QWidget):
    WATCHES = None  # refreshed (gui/events.py) after every committed change

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_result = None
        box = QVBoxLayout(self)
        box.addWidget(title_label(title))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        relative_font(self.summary, LEAD_SCALE)
        box.addWidget(self.summary)
        box.addLayout(self._actions())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self._pending_box(), 1)
        row.addWidget(self._keys_box(), 1)
        box.addLayout(row, 2)
        box.addWidget(self._quarantine_box(), 3)
        box.addWidget(self._restore_box())
        self.refresh()

    # --- layout --------------------------------------------------------------------------------
    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export to a USB folder…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(lambda: self.export_to())
        self.url = QLineEdit()
        self.url.setObjectName("url")
        self.url.setPlaceholderText(self.tr("Address of the municipal platform (government network)"))
        self.send_button = QPushButton(self.tr("Send now"))
        self.send_button.setObjectName("send")
        self.send_button.clicked.connect(lambda: self.send())
        self.import_button = QPushButton(self.tr("Import receipts or updates…"))
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(lambda: self.import_files())
        for b in (self.export_button, self.send_button):
            b.setEnabled(self.ctx.can("bundle.export"))
        self.import_button.setEnabled(self.ctx.can("bundle.import"))
        row.addWidget(self.export_button)
        row.addWidget(self.url, 1)
        row.addWidget(self.send_button)
        row.addWidget(self.import_button)
        return row

    def _pending_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("Bundles not yet acknowledged by the platform"))
        v = QVBoxLayout(group)
        self.pending = _table("pendingTable", [self.tr("No."), self.tr("File"), self.tr("Changes"),
                                               self.tr("Made"), self.tr("Sent")], [50, 200, 60, 140])
        v.addWidget(self.pending)
        return group

    def _keys_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("Key fingerprints (read them out by phone to compare)"))
        grid = QGridLayout(group)
        self.fp: dict[str, QLabel] = {}
        rows = (("office_sign", self.tr("Office signing key")), ("office_enc", self.tr("Office encryption key")),
                ("platform_sign", self.tr("Platform signing key")), ("platform_enc", self.tr("Platform encryption key")))
        for i, (key, label) in enumerate(rows):
            value = QLabel("—")
            value.setObjectName(f"fp_{key}")
            relative_font(value, mono=True)
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            value.setWordWrap(True)
            grid.addWidget(QLabel(labelled(label)), i, 0, Qt.AlignRight | Qt.AlignTop)
            grid.addWidget(value, i, 1)
            self.fp[key] = value
        self.platform_button = QPushButton(self.tr("Import the platform's key file…"))
        self.platform_button.setObjectName("importPlatformKey")
        self.platform_button.clicked.connect(lambda: self.import_platform_key())
        self.office_key_button = QPushButton(self.tr("Export the office's public key…"))
        self.office_key_button.setObjectName("exportOfficeKey")
        self.office_key_button.setEnabled(self.ctx.can("keys.view"))
        self.office_key_button.clicked.connect(lambda: self.export_office_key())
        buttons = QHBoxLayout()
        buttons.addWidget(self.platform_button)
        buttons.addWidget(self.office_key_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, len(rows), 1)
        grid.setColumnStretch(1, 1)
        return group

    def _quarantine_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("Returned by the platform (quarantine)"))
        v = QVBoxLayout(group)
        self.quarantine = _table("quarantineTable", [self.tr("Change"), self.tr("Bundle"), self.tr("What"),
                                                     self.tr("State"), self.tr("The platform's reason")],
                                 [70, 60, 200, 80])
        self.requeue_button = QPushButton(self.tr("Send the selected change again (after correcting it)"))
        self.requeue_button.setObjectName("requeue")
        self.requeue_button.setEnabled(self.ctx.can("bundle.requeue"))
        self.requeue_button.clicked.connect(self.requeue_selected)
        v.addWidget(self.quarantine, 1)
        v.addWidget(self.requeue_button, 0, Qt.AlignRight)
        return group

    def _restore_box(self) -> QGroupBox:
        """Issue 14 item 3: after restoring an older backup, learn the bundles and numbers used after it — from
        the platform over the network, or offline from its receipts on the USB stick — and confirm the last
        number of each series from the paper notices."""
        group = QGroupBox(self.tr("After restoring a backup: learn what was used after it"))
        grid = QGridLayout(group)
        self.resync_button = QPushButton(self.tr("Resync with the platform (network)"))
        self.resync_button.setObjectName("resync")
        self.resync_button.clicked.connect(lambda: self.resync_online())
        self.resync_usb_button = QPushButton(self.tr("Resync from the receipts in a USB folder…"))
        self.resync_usb_button.setObjectName("resyncUsb")
        self.resync_usb_button.clicked.connect(lambda: self.resync_from_folder())
        self.resync_button.setEnabled(self.ctx.can("bundle.export"))
        self.resync_usb_button.setEnabled(self.ctx.can("bundle.import"))
        self.last_prefix = QLineEdit()
        self.last_prefix.setObjectName("lastPrefix")
        self.last_prefix.setPlaceholderText(self.tr("Number prefix, as printed"))
        self.last_year = QSpinBox()
        self.last_year.setObjectName("lastYear")
        self.last_year.setRange(2000, 2100)
        self.last_year.setValue(self.ctx.session.desk.today().year)
        self.last_number = QSpinBox()
        self.last_number.setObjectName("lastNumber")
        self.last_number.setRange(0, 10_000_000)
        self.last_done = QCheckBox(self.tr("Every series is confirmed"))
        self.last_done.setObjectName("lastDone")
        self.confirm_button = QPushButton(self.tr("Confirm the last paper number"))
        self.confirm_button.setObjectName("confirmLast")
        self.confirm_button.clicked.connect(lambda: self.confirm_last())
        self.confirm_button.setEnabled(self.ctx.can("document.print"))
        grid.addWidget(self.resync_button, 0, 0, 1, 2)
        grid.addWidget(self.resync_usb_button, 0, 2, 1, 3)
        grid.addWidget(self.last_prefix, 1, 0)
        grid.addWidget(self.last_year, 1, 1)
        grid.addWidget(self.last_number, 1, 2)
        grid.addWidget(self.last_done, 1, 3)
        grid.addWidget(self.confirm_button, 1, 4)
        return group

    # --- status --------------------------------------------------------------------------------
    def refresh(self) -> None:
        st = sync.status(self.ctx.session)
        self.status = st
        acks = st.get("acks") or {}
        self.summary.setText(self.tr(
            "Bundles made so far: %1 · waiting for acknowledgement: %2 · changes not yet in a bundle: %3 · "
            "changes accepted by the platform: %4 · returned: %5").replace("%1", str(st["last_seq"]))
            .replace("%2", str(len(st["pending"]))).replace("%3", str(st["unbundled_changes"]))
            .replace("%4", str(acks.get("accepted", 0))).replace("%5", str(acks.get("rejected", 0))))
        self._fill(self.pending, [(b["seq"], b["file_name"], b["change_count"], (b["created_at"] or "")[:16],
                                   (b["sent_at"] or self.tr("not yet"))[:16]) for b in st["pending"]])
        states = {"open": self.tr("to correct"), "resent": self.tr("sent again"), "resolved": self.tr("resolved")}
        q = st.get("quarantine") or []
        self._fill(self.quarantine, [(r["change_id"], r["bundle_seq"],
                                      aside(f"{_word(ENTITY, r['entity'])} {r['entity_id']}", _word(OP, r["op"])),
                                      states.get(r["q_state"], r["q_state"]),
                                      r["reason_en"] if self.ctx.lang == "en" and r["reason_en"] else r["reason_zh"])
                                     for r in q])
        self.quarantine_rows = q
        if not self.url.text():
            self.url.setText(browse.intake_url(self.ctx.session))
        self._show_keys()

    def _fill(self, table: QTableWidget, rows) -> None:
        table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                table.setItem(i, j, QTableWidgetItem(str(value)))

    def _show_keys(self) -> None:
        k = keys.show(self.ctx.session)
        self.fp["office_sign"].setText(k["sign_fingerprint"])
        self.fp["office_enc"].setText(k["enc_fingerprint"])
        plat = k.get("platform")
        none = self.tr("not imported yet — sending needs it")
        self.fp["platform_sign"].setText(plat["sign_fingerprint"] if plat else none)
        self.fp["platform_enc"].setText(plat["enc_fingerprint"] if plat else none)
        self.platform_button.setVisible(plat is None)
        self.platform_button.setEnabled(self.ctx.can("keys.manage"))

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def _failed(self, exc) -> None:
        self.refresh()
        if isinstance(exc, DomainError):
            self._say(exc.message(self.ctx.lang), ok=False)
        else:
            self.ctx.ops.show_error(exc, self)

    # --- actions -------------------------------------------------------------------------------
    def export_to(self, folder: str | None = None):
        """Write every unacknowledged bundle to the folder (e.g. the USB stick), each read back and verified."""
        folder = folder or pickers.folder(self, self.ctx, "usb", self.tr("Choose the USB folder"))
        if not folder:
            return None
        ctx = self.ctx
        return ctx.ops.run(lambda _j: sync.export_to_folder(ctx.session, Path(folder)), done=self._exported,
                           failed=self._failed, label=self.tr("Signing, encrypting and writing the bundles…"),
                           parent=self, modal=True)

    def _exported(self, done: list[dict]) -> None:
        self.last_result = done
        self.refresh()
        if not done:
            return self._say(self.tr("Nothing to export: every change has been acknowledged."))
        files = listing(Path(d["file"]).name for d in done)
        self._say(self.tr("%1 bundle(s) written and verified: %2. Take them to the platform; import the receipts "
                          "here when they come back.").replace("%1", str(len(done))).replace("%2", files))

    def send(self):
        ctx, url = self.ctx, self.url.text().strip() or None
        return ctx.ops.run(lambda _j: sync.send(ctx.session, url), done=self._sent, failed=self._failed,
                           label=self.tr("Sending to the municipal platform…"), parent=self, modal=True)

    def _sent(self, out: dict) -> None:
        self.last_result = out
        self.refresh()
        self._say(self.tr("Sent %1 bundle(s); %2 receipt(s) and %3 update(s) imported.")
                  .replace("%1", str(len(out["sent"]))).replace("%2", str(len(out["receipts"])))
                  .replace("%3", str(len(out["downstream"]))))

    def import_files(self, paths: list[str] | None = None):
        if paths is None:
            paths = pickers.open_files(self, self.ctx, "usb", self.tr("Receipts and updates from the platform"),
                                       self.tr("Bundles (*.cdb);;All files (*)"))
        if not paths:
            return None
        ctx, names, imported, out = self.ctx, [Path(p).name for p in paths], [], []

        def work(job):
            for i, p in enumerate(paths):
                job.check()  # 取消 stops between files: each one is imported whole or not at all
                out.append(sync_inbound.import_bytes(ctx.session, Path(p).read_bytes()))
                imported.append(names[i])
                job.progress(i + 1, len(paths))
            return out
        # fix18f: a long import of many files offered no 取消 and did not say how many files it imports
        return ctx.ops.run(work, done=self._imported, parent=self, modal=True,
                           failed=lambda exc: self._import_refused(exc, names, imported),
                           label=counted(len(paths), self.tr("Importing %1 file…"), self.tr("Importing %1 files…")),
                           can_cancel=True, cancelled=lambda: self._import_stopped(names, imported, out))

    def _import_refused(self, exc, names: list[str], imported: list[str]) -> None:
        """A file refused after others came in: the refusal alone hid which files were imported (fix18f)."""
        if isinstance(exc, OSError):  # att38a: the stick pulled, a file gone — not an "unexpected error, nothing
            self.refresh()            # was changed" dialog while the files before it had come in
            return self._say(self.tr("%1 could not be read: is the USB stick still plugged in? Imported before it: "
                                     "%2; not imported: %3. Import those again.")
                             .replace("%1", names[len(imported)]).replace("%2", listing(imported) or self.tr("none"))
                             .replace("%3", listing(names[len(imported):]) or self.tr("none")), ok=False)
        self._failed(exc)  # the reason: beside the buttons, or in the error dialog
        if len(names) == 1:  # the one file: its refusal says it all (with several, the first refused left the
            return           # others untried, unsaid: att38a)
        why = exc.message(self.ctx.lang) if isinstance(exc, DomainError) else self.tr("see the message.")
        left = names[len(imported) + 1:]
        self._say(self.tr("%1 was not imported: %2 Imported before it: %3; not imported: %4.")
                  .replace("%1", names[len(imported)]).replace("%2", why)
                  .replace("%3", listing(imported) or self.tr("none")).replace("%4", listing(left) or self.tr("none")),
                  ok=False)

    def _import_stopped(self, names: list[str], imported: list[str], out: list[dict]) -> None:
        left = names[len(imported):]  # the files are imported in order
        if not left:  # 取消 came during (or after) the last file: all came in, their notes are said (att38a)
            return self._imported(out)
        self.refresh()
        self._say(self.tr("Import stopped: %1 of %2 file(s) imported (%3); not imported: %4. Import those again.")
                  .replace("%1", str(len(imported))).replace("%2", str(len(names)))
                  .replace("%3", listing(imported) or self.tr("none")).replace("%4", listing(left) or self.tr("none")),
                  ok=False)

    def _imported(self, out: list[dict]) -> None:
        self.last_result = out
        self.refresh()
        notes = [n["en" if self.ctx.lang == "en" else "zh"] for r in out for n in r.get("notes", [])]
        # issue 15: a platform holiday schedule held back behind the administrator's entry is said, not hidden
        self._say("\n".join([self.tr("%1 file(s) imported.").replace("%1", str(len(out)))] + notes), ok=not notes)

    def requeue_selected(self):
        rows = self.quarantine.selectionModel().selectedRows()
        if not rows:
            return self._say(self.tr("Select a returned change first."), ok=False)
        change_id = self.quarantine_rows[rows[0].row()]["change_id"]
        try:
            new_id = sync.requeue(self.ctx.session, change_id)
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self.refresh()
        self._say(self.tr("Change %1 goes out again in the next bundle (as %2).").replace("%1", str(change_id))
                  .replace("%2", str(new_id)))
        return new_id

    def resync_online(self):
        """``bundle resync``: the platform's receipts after the last one this ledger knows (issue 14 item 3)."""
        ctx, url = self.ctx, self.url.text().strip() or None
        return ctx.ops.run(lambda _j: resync.resync(ctx.session, url), done=self._resynced, failed=self._failed,
                           label=self.tr("Asking the platform what it holds…"), parent=self, modal=True)

    def resync_from_folder(self, folder: str | None = None):
        """``bundle resync --receipts``: offline, from the receipt files on the USB stick."""
        folder = folder or pickers.folder(self, self.ctx, "usb", self.tr("Choose the USB folder with the receipts"))
        if not folder:
            return None
        ctx = self.ctx
        try:
            files = [(p.name, p.read_bytes()) for p in sorted(Path(folder).glob("*.cdb"))]
        except OSError as exc:
            return self._say(self.tr("Cannot read the folder: %1").replace("%1", exc.strerror or str(exc)), ok=False)
        return ctx.ops.run(lambda _j: resync.resync_from_receipts(ctx.session, files), done=self._resynced,
                           failed=self._failed, label=self.tr("Reading the receipts…"), parent=self, modal=True)

    def _resynced(self, out: dict) -> None:
        self.last_result = out
        self.refresh()
        lost = listing(out["lost_bundles"]) or self.tr("none")
        self._say(self.tr("In step with the platform: %1 receipt(s) imported; bundles lost with the tail: %2. "
                          "Numbers continue above the platform's. Check the paper notices printed after the last "
                          "send and confirm the last number of each series below.")
                  .replace("%1", str(len(out["imported"]))).replace("%2", lost))

    def confirm_last(self):
        """``print confirm-last``: the clerk reads the last number of a series off the paper (R5)."""
        try:
            out = resync.confirm_last(self.ctx.session, self.last_prefix.text(), self.last_year.value(),
                                      self.last_number.value(), done=self.last_done.isChecked())
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self.last_result = out
        self._say(self.tr("Series %1: numbering continues after %2.").replace("%1", out["series"])
                  .replace("%2", str(out["last"])))
        return out

    def import_platform_key(self, path: str | None = None, confirm=None):
        """Pin the platform's keys at set-up (administrator) after comparing their fingerprints by phone in
        ``PlatformKeyDialog``; ``confirm(dialog)`` replaces exec() in tests."""
        from credit_desk.gui.dialogs.platform_key_dialog import PlatformKeyDialog
        if path is None:
            path = pickers.open_file(self, self.ctx, "usb", self.tr("The platform's key file"),
                                     self.tr("Key files (*.json);;All files (*)"))
        if not path:
            return None
        try:
            data = Path(path).read_bytes()
            dlg = PlatformKeyDialog(self.ctx, data, Path(path).name, self)
        except OSError as exc:
            return self._say(self.tr("Cannot read %1: %2").replace("%1", str(path)).replace("%2", exc.strerror or ""),
                             ok=False)
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        if not (confirm(dlg) if confirm else dlg.exec()) or dlg.result_value is None:
            return None
        self.refresh()
        self._say(self.tr("The platform's keys are pinned; the fingerprints below are the ones you compared."))
        return dlg.result_value

    def export_office_key(self, path: str | None = None):
        """The office's public key file for the platform to register (administrator), where it is chosen."""
        if path is None:
            path = pickers.save_file(self, self.ctx, "usb", self.tr("Save the office's public key"), "office.keys.json",
                                     self.tr("Key files (*.json)"))
        if not path:
            return None
        try:
            out = keys.write_public(self.ctx.session, Path(path), force=Path(path).exists())
        except DomainError as exc:
            return self._say(exc.message(self.ctx.lang), ok=False)
        self._say(self.tr("The office's public key was saved to %1. Give it to the platform and read the signing "
                          "key's fingerprint out by phone: %2").replace("%1", out["file"])
                  .replace("%2", out["sign_fingerprint"]))
        return out
