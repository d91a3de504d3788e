# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_subject.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_NewSubjectDialog(object):
    def setupUi(self, NewSubjectDialog):
        if not NewSubjectDialog.objectName():
            NewSubjectDialog.setObjectName(u"NewSubjectDialog")
        NewSubjectDialog.resize(900, 470)
        self.outer = QVBoxLayout(NewSubjectDialog)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(NewSubjectDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(10)
        self.kindLabel = QLabel(NewSubjectDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.grid.addWidget(self.kindLabel, 0, 0, 1, 1)

        self.kind = QComboBox(NewSubjectDialog)
        self.kind.setObjectName(u"kind")
        self.kind.setMinimumSize(QSize(300, 0))

        self.grid.addWidget(self.kind, 0, 1, 1, 1)

        self.kindError = QLabel(NewSubjectDialog)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setMinimumSize(QSize(340, 0))
        self.kindError.setStyleSheet(u"color: #b00020;")
        self.kindError.setWordWrap(True)
        self.kindError.setText(u"")

        self.grid.addWidget(self.kindError, 0, 2, 1, 1)

        self.nameLabel = QLabel(NewSubjectDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.grid.addWidget(self.nameLabel, 1, 0, 1, 1)

        self.name = QLineEdit(NewSubjectDialog)
        self.name.setObjectName(u"name")
        self.name.setMinimumSize(QSize(300, 0))

        self.grid.addWidget(self.name, 1, 1, 1, 1)

        self.nameError = QLabel(NewSubjectDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setMinimumSize(QSize(340, 0))
        self.nameError.setStyleSheet(u"color: #b00020;")
        self.nameError.setWordWrap(True)
        self.nameError.setText(u"")

        self.grid.addWidget(self.nameError, 1, 2, 1, 1)

        self.idTypeLabel = QLabel(NewSubjectDialog)
        self.idTypeLabel.setObjectName(u"idTypeLabel")

        self.grid.addWidget(self.idTypeLabel, 2, 0, 1, 1)

        self.idType = QComboBox(NewSubjectDialog)
        self.idType.setObjectName(u"idType")
        self.idType.setMinimumSize(QSize(300, 0))

        self.grid.addWidget(self.idType, 2, 1, 1, 1)

        self.idTypeError = QLabel(NewSubjectDialog)
        self.idTypeError.setObjectName(u"idTypeError")
        self.idTypeError.setMinimumSize(QSize(340, 0))
        self.idTypeError.setStyleSheet(u"color: #b00020;")
        self.idTypeError.setWordWrap(True)
        self.idTypeError.setText(u"")

        self.grid.addWidget(self.idTypeError, 2, 2, 1, 1)

        self.idNumberLabel = QLabel(NewSubjectDialog)
        self.idNumberLabel.setObjectName(u"idNumberLabel")

        self.grid.addWidget(self.idNumberLabel, 3, 0, 1, 1)

        self.idNumber = QLineEdit(NewSubjectDialog)
        self.idNumber.setObjectName(u"idNumber")
        self.idNumber.setMinimumSize(QSize(300, 0))

        self.grid.addWidget(self.idNumber, 3, 1, 1, 1)

        self.idNumberError = QLabel(NewSubjectDialog)
        self.idNumberError.setObjectName(u"idNumberError")
        self.idNumberError.setMinimumSize(QSize(340, 0))
        self.idNumberError.setStyleSheet(u"color: #b00020;")
        self.idNumberError.setWordWrap(True)
        self.idNumberError.setText(u"")

        self.grid.addWidget(self.idNumberError, 3, 2, 1, 1)

        self.repNameLabel = QLabel(NewSubjectDialog)
        self.repNameLabel.setObjectName(u"repNameLabel")

        self.grid.addWidget(self.repNameLabel, 4, 0, 1, 1)

        self.repName = QLineEdit(NewSubjectDialog)
        self.repName.setObjectName(u"repName")
        self.repName.setMinimumSize(QSize(300, 0))

        self.grid.addWidget(self.repName, 4, 1, 1, 1)

        self.repNameError = QLabel(NewSubjectDialog)
        self.repNameError.setObjectName(u"repNameError")
        self.repNameError.setMinimumSize(QSize(340, 0))
        self.repNameError.setStyleSheet(u"color: #b00020;")
        self.repNameError.setWordWrap(True)
        self.repNameError.setText(u"")

        self.grid.addWidget(self.repNameError, 4, 2, 1, 1)

        self.repIdTypeLabel = QLabel(NewSubjectDialog)
        self.repIdTypeLabel.setObjectName(u"repIdTypeLabel")

        self.grid.addWidget(self.repIdTypeLabel, 5, 0, 1, 1)

        self.repIdType = QComboBox(NewSubjectDialog)
        self.repIdType.setObjectName(u"repIdType")
        self.repIdType.setMinimumSize(QSize(300, 0))

        self.grid.addWidget(self.repIdType, 5, 1, 1, 1)

        self.repIdTypeError = QLabel(NewSubjectDialog)
        self.repIdTypeError.setObjectName(u"repIdTypeError")
        self.repIdTypeError.setMinimumSize(QSize(340, 0))
        self.repIdTypeError.setStyleSheet(u"color: #b00020;")
        self.repIdTypeError.setWordWrap(True)
        self.repIdTypeError.setText(u"")

        self.grid.addWidget(self.repIdTypeError, 5, 2, 1, 1)

        self.repIdNumberLabel = QLabel(NewSubjectDialog)
        self.repIdNumberLabel.setObjectName(u"repIdNumberLabel")

        self.grid.addWidget(self.repIdNumberLabel, 6, 0, 1, 1)

        self.repIdNumber = QLineEdit(NewSubjectDialog)
        self.repIdNumber.setObjectName(u"repIdNumber")
        self.repIdNumber.setMinimumSize(QSize(300, 0))

        self.grid.addWidget(self.repIdNumber, 6, 1, 1, 1)

        self.repIdNumberError = QLabel(NewSubjectDialog)
        self.repIdNumberError.setObjectName(u"repIdNumberError")
        self.repIdNumberError.setMinimumSize(QSize(340, 0))
        self.repIdNumberError.setStyleSheet(u"color: #b00020;")
        self.repIdNumberError.setWordWrap(True)
        self.repIdNumberError.setText(u"")

        self.grid.addWidget(self.repIdNumberError, 6, 2, 1, 1)

        self.addressLabel = QLabel(NewSubjectDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.grid.addWidget(self.addressLabel, 7, 0, 1, 1)

        self.address = QLineEdit(NewSubjectDialog)
        self.address.setObjectName(u"address")
        self.address.setMinimumSize(QSize(300, 0))

        self.grid.addWidget(self.address, 7, 1, 1, 1)

        self.addressError = QLabel(NewSubjectDialog)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setMinimumSize(QSize(340, 0))
        self.addressError.setStyleSheet(u"color: #b00020;")
        self.addressError.setWordWrap(True)
        self.addressError.setText(u"")

        self.grid.addWidget(self.addressError, 7, 2, 1, 1)

        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)

        self.outer.addLayout(self.grid)

        self.formError = QLabel(NewSubjectDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b00020;")
        self.formError.setWordWrap(True)
        self.formError.setText(u"")

        self.outer.addWidget(self.formError)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.spacer)

        self.buttons = QDialogButtonBox(NewSubjectDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kind)
        self.nameLabel.setBuddy(self.name)
        self.idTypeLabel.setBuddy(self.idType)
        self.idNumberLabel.setBuddy(self.idNumber)
        self.repNameLabel.setBuddy(self.repName)
        self.repIdTypeLabel.setBuddy(self.repIdType)
        self.repIdNumberLabel.setBuddy(self.repIdNumber)
        self.addressLabel.setBuddy(self.address)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.name)
        QWidget.setTabOrder(self.name, self.idType)
        QWidget.setTabOrder(self.idType, self.idNumber)
        QWidget.setTabOrder(self.idNumber, self.repName)
        QWidget.setTabOrder(self.repName, self.repIdType)
        QWidget.setTabOrder(self.repIdType, self.repIdNumber)
        QWidget.setTabOrder(self.repIdNumber, self.address)

        self.retranslateUi(NewSubjectDialog)

        QMetaObject.connectSlotsByName(NewSubjectDialog)
    # setupUi

    def retranslateUi(self, NewSubjectDialog):
        NewSubjectDialog.setWindowTitle(QCoreApplication.translate("NewSubjectDialog", u"New credit subject", None))
        self.intro.setText(QCoreApplication.translate("NewSubjectDialog", u"Fields marked * are required. The code or ID number is checked as you type.", None))
        self.kindLabel.setText(QCoreApplication.translate("NewSubjectDialog", u"Subject kind *", None))
        self.nameLabel.setText(QCoreApplication.translate("NewSubjectDialog", u"Name *", None))
        self.idTypeLabel.setText(QCoreApplication.translate("NewSubjectDialog", u"ID type *", None))
        self.idNumberLabel.setText(QCoreApplication.translate("NewSubjectDialog", u"Code / ID number *", None))
        self.repNameLabel.setText(QCoreApplication.translate("NewSubjectDialog", u"Legal representative", None))
        self.repIdTypeLabel.setText(QCoreApplication.translate("NewSubjectDialog", u"Representative's ID type", None))
        self.repIdNumberLabel.setText(QCoreApplication.translate("NewSubjectDialog", u"Representative's ID number", None))
        self.addressLabel.setText(QCoreApplication.translate("NewSubjectDialog", u"Address", None))
    # retranslateUi

