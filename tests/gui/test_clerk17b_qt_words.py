"""Issue 17 item 3, Qt's own dialogs (clerk17b, seen in Xvfb): the folder picker of 导出到 U 盘 listed every folder
with the type 「Folder」. Qt 6 asks QAbstractFileIconProvider for a folder's type, a context that Qt's own
qtbase_zh_CN catalogue does not have (it has only the Qt 5 QFileDialog one); our catalogue fills the gap."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QTreeView

from tests.gui.conftest import SHOTS


def test_the_folder_picker_names_a_folder_in_chinese(qtbot, tmp_path):
    (tmp_path / "U盘导出").mkdir()
    (tmp_path / "备份").mkdir()
    dlg = QFileDialog(None, "选择U盘上的文件夹", str(tmp_path))
    dlg.setOption(QFileDialog.DontUseNativeDialog, True)
    dlg.setFileMode(QFileDialog.Directory)
    qtbot.addWidget(dlg)
    dlg.show()
    view = dlg.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 2, timeout=5000)
    model, root = view.model(), view.rootIndex()
    kinds = {model.index(i, 0, root).data(): model.index(i, 2, root).data() for i in range(model.rowCount(root))}
    SHOTS.mkdir(exist_ok=True)
    dlg.grab().save(str(SHOTS / "clerk17b_folder_picker_zh.png"))
    assert kinds == {"U盘导出": "文件夹", "备份": "文件夹"}, kinds
