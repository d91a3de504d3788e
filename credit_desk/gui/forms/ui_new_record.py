# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_record.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_NewRecordDialog(object):
    def setupUi(self, NewRecordDialog):
        if not NewRecordDialog.objectName():
            NewRecordDialog.setObjectName(u"NewRecordDialog")
        NewRecordDialog.resize(1040, 760)
        self.outer = QVBoxLayout(NewRecordDialog)
        self.outer.setObjectName(u"outer")
        self.subjectText = QLabel(NewRecordDialog)
        self.subjectText.setObjectName(u"subjectText")
        self.subjectText.setWordWrap(True)
        self.subjectText.setText(u"")

        self.outer.addWidget(self.subjectText)

        self.intro = QLabel(NewRecordDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(10)
        self.catalogueLabel = QLabel(NewRecordDialog)
        self.catalogueLabel.setObjectName(u"catalogueLabel")
        self.catalogueLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.catalogueLabel, 0, 0, 1, 1)

        self.catalogue = QComboBox(NewRecordDialog)
        self.catalogue.setObjectName(u"catalogue")
        self.catalogue.setMinimumSize(QSize(360, 0))

        self.grid.addWidget(self.catalogue, 0, 1, 1, 1)

        self.catalogueError = QLabel(NewRecordDialog)
        self.catalogueError.setObjectName(u"catalogueError")
        self.catalogueError.setMinimumSize(QSize(300, 0))
        self.catalogueError.setStyleSheet(u"color: #b00020;")
        self.catalogueError.setWordWrap(True)
        self.catalogueError.setText(u"")

        self.grid.addWidget(self.catalogueError, 0, 2, 1, 1)

        self.tierLabel = QLabel(NewRecordDialog)
        self.tierLabel.setObjectName(u"tierLabel")
        self.tierLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.tierLabel, 1, 0, 1, 1)

        self.tier = QComboBox(NewRecordDialog)
        self.tier.setObjectName(u"tier")
        self.tier.setMinimumSize(QSize(360, 0))

        self.grid.addWidget(self.tier, 1, 1, 1, 1)

        self.tierError = QLabel(NewRecordDialog)
        self.tierError.setObjectName(u"tierError")
        self.tierError.setMinimumSize(QSize(300, 0))
        self.tierError.setStyleSheet(u"color: #b00020;")
        self.tierError.setWordWrap(True)
        self.tierError.setText(u"")

        self.grid.addWidget(self.tierError, 1, 2, 1, 1)

        self.factsLabel = QLabel(NewRecordDialog)
        self.factsLabel.setObjectName(u"factsLabel")
        self.factsLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.factsLabel, 2, 0, 1, 1)

        self.facts = QPlainTextEdit(NewRecordDialog)
        self.facts.setObjectName(u"facts")
        self.facts.setMinimumSize(QSize(360, 0))
        self.facts.setMaximumSize(QSize(16777215, 64))
        self.facts.setTabChangesFocus(True)

        self.grid.addWidget(self.facts, 2, 1, 1, 1)

        self.factsError = QLabel(NewRecordDialog)
        self.factsError.setObjectName(u"factsError")
        self.factsError.setMinimumSize(QSize(300, 0))
        self.factsError.setStyleSheet(u"color: #b00020;")
        self.factsError.setWordWrap(True)
        self.factsError.setText(u"")

        self.grid.addWidget(self.factsError, 2, 2, 1, 1)

        self.docTypeLabel = QLabel(NewRecordDialog)
        self.docTypeLabel.setObjectName(u"docTypeLabel")
        self.docTypeLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.docTypeLabel, 3, 0, 1, 1)

        self.docType = QComboBox(NewRecordDialog)
        self.docType.setObjectName(u"docType")
        self.docType.setMinimumSize(QSize(360, 0))

        self.grid.addWidget(self.docType, 3, 1, 1, 1)

        self.docTypeError = QLabel(NewRecordDialog)
        self.docTypeError.setObjectName(u"docTypeError")
        self.docTypeError.setMinimumSize(QSize(300, 0))
        self.docTypeError.setStyleSheet(u"color: #b00020;")
        self.docTypeError.setWordWrap(True)
        self.docTypeError.setText(u"")

        self.grid.addWidget(self.docTypeError, 3, 2, 1, 1)

        self.docNumberLabel = QLabel(NewRecordDialog)
        self.docNumberLabel.setObjectName(u"docNumberLabel")
        self.docNumberLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.docNumberLabel, 4, 0, 1, 1)

        self.docNumber = QLineEdit(NewRecordDialog)
        self.docNumber.setObjectName(u"docNumber")
        self.docNumber.setMinimumSize(QSize(360, 0))

        self.grid.addWidget(self.docNumber, 4, 1, 1, 1)

        self.docNumberError = QLabel(NewRecordDialog)
        self.docNumberError.setObjectName(u"docNumberError")
        self.docNumberError.setMinimumSize(QSize(300, 0))
        self.docNumberError.setStyleSheet(u"color: #b00020;")
        self.docNumberError.setWordWrap(True)
        self.docNumberError.setText(u"")

        self.grid.addWidget(self.docNumberError, 4, 2, 1, 1)

        self.docAuthorityLabel = QLabel(NewRecordDialog)
        self.docAuthorityLabel.setObjectName(u"docAuthorityLabel")
        self.docAuthorityLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.docAuthorityLabel, 5, 0, 1, 1)

        self.docAuthority = QLineEdit(NewRecordDialog)
        self.docAuthority.setObjectName(u"docAuthority")
        self.docAuthority.setMinimumSize(QSize(360, 0))

        self.grid.addWidget(self.docAuthority, 5, 1, 1, 1)

        self.docAuthorityError = QLabel(NewRecordDialog)
        self.docAuthorityError.setObjectName(u"docAuthorityError")
        self.docAuthorityError.setMinimumSize(QSize(300, 0))
        self.docAuthorityError.setStyleSheet(u"color: #b00020;")
        self.docAuthorityError.setWordWrap(True)
        self.docAuthorityError.setText(u"")

        self.grid.addWidget(self.docAuthorityError, 5, 2, 1, 1)

        self.docIssuedLabel = QLabel(NewRecordDialog)
        self.docIssuedLabel.setObjectName(u"docIssuedLabel")
        self.docIssuedLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.docIssuedLabel, 6, 0, 1, 1)

        self.docIssued = QDateEdit(NewRecordDialog)
        self.docIssued.setObjectName(u"docIssued")
        self.docIssued.setMinimumSize(QSize(360, 0))
        self.docIssued.setCalendarPopup(True)
        self.docIssued.setDisplayFormat(u"yyyy-MM-dd")

        self.grid.addWidget(self.docIssued, 6, 1, 1, 1)

        self.docIssuedError = QLabel(NewRecordDialog)
        self.docIssuedError.setObjectName(u"docIssuedError")
        self.docIssuedError.setMinimumSize(QSize(300, 0))
        self.docIssuedError.setStyleSheet(u"color: #b00020;")
        self.docIssuedError.setWordWrap(True)
        self.docIssuedError.setText(u"")

        self.grid.addWidget(self.docIssuedError, 6, 2, 1, 1)

        self.docEffectiveLabel = QLabel(NewRecordDialog)
        self.docEffectiveLabel.setObjectName(u"docEffectiveLabel")
        self.docEffectiveLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.docEffectiveLabel, 7, 0, 1, 1)

        self.docEffective = QDateEdit(NewRecordDialog)
        self.docEffective.setObjectName(u"docEffective")
        self.docEffective.setMinimumSize(QSize(360, 0))
        self.docEffective.setCalendarPopup(True)
        self.docEffective.setDisplayFormat(u"yyyy-MM-dd")

        self.grid.addWidget(self.docEffective, 7, 1, 1, 1)

        self.docEffectiveError = QLabel(NewRecordDialog)
        self.docEffectiveError.setObjectName(u"docEffectiveError")
        self.docEffectiveError.setMinimumSize(QSize(300, 0))
        self.docEffectiveError.setStyleSheet(u"color: #b00020;")
        self.docEffectiveError.setWordWrap(True)
        self.docEffectiveError.setText(u"")

        self.grid.addWidget(self.docEffectiveError, 7, 2, 1, 1)

        self.docCitationLabel = QLabel(NewRecordDialog)
        self.docCitationLabel.setObjectName(u"docCitationLabel")
        self.docCitationLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.docCitationLabel, 8, 0, 1, 1)

        self.docCitation = QLineEdit(NewRecordDialog)
        self.docCitation.setObjectName(u"docCitation")
        self.docCitation.setMinimumSize(QSize(360, 0))

        self.grid.addWidget(self.docCitation, 8, 1, 1, 1)

        self.docCitationError = QLabel(NewRecordDialog)
        self.docCitationError.setObjectName(u"docCitationError")
        self.docCitationError.setMinimumSize(QSize(300, 0))
        self.docCitationError.setStyleSheet(u"color: #b00020;")
        self.docCitationError.setWordWrap(True)
        self.docCitationError.setText(u"")

        self.grid.addWidget(self.docCitationError, 8, 2, 1, 1)

        self.departmentLabel = QLabel(NewRecordDialog)
        self.departmentLabel.setObjectName(u"departmentLabel")
        self.departmentLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.departmentLabel, 9, 0, 1, 1)

        self.department = QLineEdit(NewRecordDialog)
        self.department.setObjectName(u"department")
        self.department.setMinimumSize(QSize(360, 0))

        self.grid.addWidget(self.department, 9, 1, 1, 1)

        self.departmentError = QLabel(NewRecordDialog)
        self.departmentError.setObjectName(u"departmentError")
        self.departmentError.setMinimumSize(QSize(300, 0))
        self.departmentError.setStyleSheet(u"color: #b00020;")
        self.departmentError.setWordWrap(True)
        self.departmentError.setText(u"")

        self.grid.addWidget(self.departmentError, 9, 2, 1, 1)

        self.actDateLabel = QLabel(NewRecordDialog)
        self.actDateLabel.setObjectName(u"actDateLabel")
        self.actDateLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.actDateLabel, 10, 0, 1, 1)

        self.actDate = QDateEdit(NewRecordDialog)
        self.actDate.setObjectName(u"actDate")
        self.actDate.setMinimumSize(QSize(360, 0))
        self.actDate.setCalendarPopup(True)
        self.actDate.setDisplayFormat(u"yyyy-MM-dd")

        self.grid.addWidget(self.actDate, 10, 1, 1, 1)

        self.actDateError = QLabel(NewRecordDialog)
        self.actDateError.setObjectName(u"actDateError")
        self.actDateError.setMinimumSize(QSize(300, 0))
        self.actDateError.setStyleSheet(u"color: #b00020;")
        self.actDateError.setWordWrap(True)
        self.actDateError.setText(u"")

        self.grid.addWidget(self.actDateError, 10, 2, 1, 1)

        self.decisionDateLabel = QLabel(NewRecordDialog)
        self.decisionDateLabel.setObjectName(u"decisionDateLabel")
        self.decisionDateLabel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.decisionDateLabel, 11, 0, 1, 1)

        self.decisionDate = QDateEdit(NewRecordDialog)
        self.decisionDate.setObjectName(u"decisionDate")
        self.decisionDate.setMinimumSize(QSize(360, 0))
        self.decisionDate.setCalendarPopup(True)
        self.decisionDate.setDisplayFormat(u"yyyy-MM-dd")

        self.grid.addWidget(self.decisionDate, 11, 1, 1, 1)

        self.decisionDateError = QLabel(NewRecordDialog)
        self.decisionDateError.setObjectName(u"decisionDateError")
        self.decisionDateError.setMinimumSize(QSize(300, 0))
        self.decisionDateError.setStyleSheet(u"color: #b00020;")
        self.decisionDateError.setWordWrap(True)
        self.decisionDateError.setText(u"")

        self.grid.addWidget(self.decisionDateError, 11, 2, 1, 1)

        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)

        self.outer.addLayout(self.grid)

        self.leniencyBox = QGroupBox(NewRecordDialog)
        self.leniencyBox.setObjectName(u"leniencyBox")
        self.leniencyLayout = QVBoxLayout(self.leniencyBox)
        self.leniencyLayout.setObjectName(u"leniencyLayout")
        self.flagsRow = QHBoxLayout()
        self.flagsRow.setObjectName(u"flagsRow")
        self.forceMajeure = QCheckBox(self.leniencyBox)
        self.forceMajeure.setObjectName(u"forceMajeure")

        self.flagsRow.addWidget(self.forceMajeure)

        self.noIntent = QCheckBox(self.leniencyBox)
        self.noIntent.setObjectName(u"noIntent")

        self.flagsRow.addWidget(self.noIntent)

        self.slight = QCheckBox(self.leniencyBox)
        self.slight.setObjectName(u"slight")

        self.flagsRow.addWidget(self.slight)

        self.flagsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.flagsRow.addItem(self.flagsSpacer)


        self.leniencyLayout.addLayout(self.flagsRow)

        self.leniencyBanner = QLabel(self.leniencyBox)
        self.leniencyBanner.setObjectName(u"leniencyBanner")
        self.leniencyBanner.setWordWrap(True)
        self.leniencyBanner.setText(u"")

        self.leniencyLayout.addWidget(self.leniencyBanner)

        self.justificationLabel = QLabel(self.leniencyBox)
        self.justificationLabel.setObjectName(u"justificationLabel")

        self.leniencyLayout.addWidget(self.justificationLabel)

        self.justification = QPlainTextEdit(self.leniencyBox)
        self.justification.setObjectName(u"justification")
        self.justification.setMaximumSize(QSize(16777215, 56))
        self.justification.setTabChangesFocus(True)

        self.leniencyLayout.addWidget(self.justification)

        self.justificationError = QLabel(self.leniencyBox)
        self.justificationError.setObjectName(u"justificationError")
        self.justificationError.setStyleSheet(u"color: #b00020;")
        self.justificationError.setWordWrap(True)
        self.justificationError.setText(u"")

        self.leniencyLayout.addWidget(self.justificationError)


        self.outer.addWidget(self.leniencyBox)

        self.formError = QLabel(NewRecordDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b00020;")
        self.formError.setWordWrap(True)
        self.formError.setText(u"")

        self.outer.addWidget(self.formError)

        self.buttons = QDialogButtonBox(NewRecordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.catalogueLabel.setBuddy(self.catalogue)
        self.tierLabel.setBuddy(self.tier)
        self.factsLabel.setBuddy(self.facts)
        self.docTypeLabel.setBuddy(self.docType)
        self.docNumberLabel.setBuddy(self.docNumber)
        self.docAuthorityLabel.setBuddy(self.docAuthority)
        self.docIssuedLabel.setBuddy(self.docIssued)
        self.docEffectiveLabel.setBuddy(self.docEffective)
        self.docCitationLabel.setBuddy(self.docCitation)
        self.departmentLabel.setBuddy(self.department)
        self.actDateLabel.setBuddy(self.actDate)
        self.decisionDateLabel.setBuddy(self.decisionDate)
        self.justificationLabel.setBuddy(self.justification)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewRecordDialog)

        QMetaObject.connectSlotsByName(NewRecordDialog)
    # setupUi

    def retranslateUi(self, NewRecordDialog):
        NewRecordDialog.setWindowTitle(QCoreApplication.translate("NewRecordDialog", u"New dishonesty record", None))
        self.intro.setText(QCoreApplication.translate("NewRecordDialog", u"A record rests on a legally effective document (R1) and belongs to an item of the active catalogue (R2). Fields marked * are required.", None))
        self.catalogueLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Catalogue item *", None))
        self.tierLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Tier *", None))
        self.factsLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Facts of the dishonest act *", None))
        self.docTypeLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Basis document type *", None))
        self.docNumberLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Document number *", None))
        self.docNumber.setPlaceholderText(QCoreApplication.translate("NewRecordDialog", u"e.g. \u6e05\u5e02\u76d1\u7f5a\u30142026\u301515\u53f7", None))
        self.docAuthorityLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Issuing authority *", None))
        self.docIssuedLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Date issued *", None))
        self.docEffectiveLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Date effective *", None))
        self.docCitationLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Law or policy naming the document", None))
        self.docCitation.setPlaceholderText(QCoreApplication.translate("NewRecordDialog", u"only for other documents named by a law or central policy", None))
        self.departmentLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Deciding department *", None))
        self.actDateLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Date of the act *", None))
        self.decisionDateLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Decision date", None))
        self.leniencyBox.setTitle(QCoreApplication.translate("NewRecordDialog", u"Leniency (R9)", None))
        self.forceMajeure.setText(QCoreApplication.translate("NewRecordDialog", u"Caused by a natural disaster, epidemic or other force majeure", None))
        self.noIntent.setText(QCoreApplication.translate("NewRecordDialog", u"Without intent", None))
        self.slight.setText(QCoreApplication.translate("NewRecordDialog", u"Slight", None))
        self.justificationLabel.setText(QCoreApplication.translate("NewRecordDialog", u"Written justification", None))
    # retranslateUi

