# ruff: noqa
UI_SHA256 = "d5b556e1a71d6a122ced60129cedc20d64a7018bce94b2d8eca61a9ad5661aa5"
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_report_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_NewReportDialog(object):
    def setupUi(self, NewReportDialog):
        if not NewReportDialog.objectName():
            NewReportDialog.setObjectName(u"NewReportDialog")
        NewReportDialog.resize(560, 420)
        self.layout = QVBoxLayout(NewReportDialog)
        self.layout.setSpacing(10)
        self.layout.setObjectName(u"layout")
        self.fromTemplateRadio = QRadioButton(NewReportDialog)
        self.fromTemplateRadio.setObjectName(u"fromTemplateRadio")
        self.fromTemplateRadio.setChecked(True)

        self.layout.addWidget(self.fromTemplateRadio)

        self.templateBox = QWidget(NewReportDialog)
        self.templateBox.setObjectName(u"templateBox")
        self.templateForm = QFormLayout(self.templateBox)
        self.templateForm.setObjectName(u"templateForm")
        self.templateForm.setContentsMargins(24, 0, 0, 0)
        self.templateLabel = QLabel(self.templateBox)
        self.templateLabel.setObjectName(u"templateLabel")

        self.templateForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.templateCombo = QComboBox(self.templateBox)
        self.templateCombo.setObjectName(u"templateCombo")

        self.templateForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.templateCombo)

        self.orgLabel = QLabel(self.templateBox)
        self.orgLabel.setObjectName(u"orgLabel")

        self.templateForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.orgLabel)

        self.orgEdit = QLineEdit(self.templateBox)
        self.orgEdit.setObjectName(u"orgEdit")

        self.templateForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.orgEdit)


        self.layout.addWidget(self.templateBox)

        self.fromPreviousRadio = QRadioButton(NewReportDialog)
        self.fromPreviousRadio.setObjectName(u"fromPreviousRadio")

        self.layout.addWidget(self.fromPreviousRadio)

        self.previousBox = QWidget(NewReportDialog)
        self.previousBox.setObjectName(u"previousBox")
        self.previousForm = QFormLayout(self.previousBox)
        self.previousForm.setObjectName(u"previousForm")
        self.previousForm.setContentsMargins(24, 0, 0, 0)
        self.previousLabel = QLabel(self.previousBox)
        self.previousLabel.setObjectName(u"previousLabel")

        self.previousForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.previousLabel)

        self.previousCombo = QComboBox(self.previousBox)
        self.previousCombo.setObjectName(u"previousCombo")

        self.previousForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.previousCombo)


        self.layout.addWidget(self.previousBox)

        self.fromFileRadio = QRadioButton(NewReportDialog)
        self.fromFileRadio.setObjectName(u"fromFileRadio")

        self.layout.addWidget(self.fromFileRadio)

        self.fileBox = QWidget(NewReportDialog)
        self.fileBox.setObjectName(u"fileBox")
        self.fileLayout = QHBoxLayout(self.fileBox)
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLayout.setContentsMargins(24, 0, 0, 0)
        self.fileEdit = QLineEdit(self.fileBox)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(self.fileBox)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)


        self.layout.addWidget(self.fileBox)

        self.yearForm = QFormLayout()
        self.yearForm.setObjectName(u"yearForm")
        self.yearLabel = QLabel(NewReportDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.yearForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(NewReportDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1990)
        self.yearSpin.setMaximum(2200)

        self.yearForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.yearSpin)


        self.layout.addLayout(self.yearForm)

        self.errorLabel = QLabel(NewReportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(NewReportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(NewReportDialog)

        QMetaObject.connectSlotsByName(NewReportDialog)
    # setupUi

    def retranslateUi(self, NewReportDialog):
        NewReportDialog.setWindowTitle(QCoreApplication.translate("NewReportDialog", u"\u65b0\u5efa\u62a5\u544a", None))
        self.fromTemplateRadio.setText(QCoreApplication.translate("NewReportDialog", u"\u4ece\u6a21\u677f\u65b0\u5efa", None))
        self.templateLabel.setText(QCoreApplication.translate("NewReportDialog", u"\u6a21\u677f\uff1a", None))
        self.orgLabel.setText(QCoreApplication.translate("NewReportDialog", u"\u53d1\u6587\u673a\u5173\uff1a", None))
        self.orgEdit.setPlaceholderText(QCoreApplication.translate("NewReportDialog", u"\u4f8b\u5982\uff1a\u00d7\u00d7\u9547\u4eba\u6c11\u653f\u5e9c", None))
        self.fromPreviousRadio.setText(QCoreApplication.translate("NewReportDialog", u"\u4ee5\u5f80\u5e74\u62a5\u544a\u4e3a\u57fa\u7840\uff08\u4fdd\u7559\u7ed3\u6784\u548c\u6587\u5b57\uff0c\u6570\u636e\u6e05\u7a7a\u540e\u91cd\u65b0\u586b\u5199\uff09", None))
        self.previousLabel.setText(QCoreApplication.translate("NewReportDialog", u"\u5f80\u5e74\u62a5\u544a\uff1a", None))
        self.fromFileRadio.setText(QCoreApplication.translate("NewReportDialog", u"\u5bfc\u5165\u5df2\u6709\u6587\u4ef6\uff08.docx\u3001.txt \u6216 hxdesk \u4ea4\u6362\u6587\u4ef6 .json\uff09", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("NewReportDialog", u"\u9009\u62e9\u8981\u5bfc\u5165\u7684\u6587\u4ef6", None))
        self.browseButton.setText(QCoreApplication.translate("NewReportDialog", u"\u6d4f\u89c8\u2026", None))
        self.yearLabel.setText(QCoreApplication.translate("NewReportDialog", u"\u62a5\u544a\u5e74\u5ea6\uff1a", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("NewReportDialog", u" \u5e74\u5ea6", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("NewReportDialog", u"color: #b00020;", None))
    # retranslateUi

