# ruff: noqa
UI_SHA256 = "aace5bb22164e10028616290598b1f087cb13e632316ddc1b0acbc83c4fcdc88"
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'generate_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget)

class Ui_GenerateDialog(object):
    def setupUi(self, GenerateDialog):
        if not GenerateDialog.objectName():
            GenerateDialog.setObjectName(u"GenerateDialog")
        GenerateDialog.resize(680, 460)
        self.layout = QVBoxLayout(GenerateDialog)
        self.layout.setObjectName(u"layout")
        self.stack = QStackedWidget(GenerateDialog)
        self.stack.setObjectName(u"stack")
        self.preparePage = QWidget()
        self.preparePage.setObjectName(u"preparePage")
        self.prepareLayout = QVBoxLayout(self.preparePage)
        self.prepareLayout.setSpacing(10)
        self.prepareLayout.setObjectName(u"prepareLayout")
        self.reportLabel = QLabel(self.preparePage)
        self.reportLabel.setObjectName(u"reportLabel")
        self.reportLabel.setWordWrap(True)

        self.prepareLayout.addWidget(self.reportLabel)

        self.problemsLabel = QLabel(self.preparePage)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)

        self.prepareLayout.addWidget(self.problemsLabel)

        self.problemsList = QListWidget(self.preparePage)
        self.problemsList.setObjectName(u"problemsList")

        self.prepareLayout.addWidget(self.problemsList)

        self.pathLabel = QLabel(self.preparePage)
        self.pathLabel.setObjectName(u"pathLabel")

        self.prepareLayout.addWidget(self.pathLabel)

        self.pathLayout = QHBoxLayout()
        self.pathLayout.setObjectName(u"pathLayout")
        self.pathEdit = QLineEdit(self.preparePage)
        self.pathEdit.setObjectName(u"pathEdit")

        self.pathLayout.addWidget(self.pathEdit)

        self.browseButton = QPushButton(self.preparePage)
        self.browseButton.setObjectName(u"browseButton")

        self.pathLayout.addWidget(self.browseButton)


        self.prepareLayout.addLayout(self.pathLayout)

        self.fontsLabel = QLabel(self.preparePage)
        self.fontsLabel.setObjectName(u"fontsLabel")
        self.fontsLabel.setWordWrap(True)

        self.prepareLayout.addWidget(self.fontsLabel)

        self.editionLayout = QHBoxLayout()
        self.editionLayout.setObjectName(u"editionLayout")
        self.editionLabel = QLabel(self.preparePage)
        self.editionLabel.setObjectName(u"editionLabel")

        self.editionLayout.addWidget(self.editionLabel)

        self.editionCombo = QComboBox(self.preparePage)
        self.editionCombo.setObjectName(u"editionCombo")

        self.editionLayout.addWidget(self.editionCombo)

        self.formatLabel = QLabel(self.preparePage)
        self.formatLabel.setObjectName(u"formatLabel")

        self.editionLayout.addWidget(self.formatLabel)

        self.formatCombo = QComboBox(self.preparePage)
        self.formatCombo.setObjectName(u"formatCombo")

        self.editionLayout.addWidget(self.formatCombo)

        self.editionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.editionLayout.addItem(self.editionSpacer)


        self.prepareLayout.addLayout(self.editionLayout)

        self.editionHint = QLabel(self.preparePage)
        self.editionHint.setObjectName(u"editionHint")
        self.editionHint.setWordWrap(True)

        self.prepareLayout.addWidget(self.editionHint)

        self.errorLabel = QLabel(self.preparePage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.prepareLayout.addWidget(self.errorLabel)

        self.prepareVSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.prepareLayout.addItem(self.prepareVSpacer)

        self.prepareButtons = QHBoxLayout()
        self.prepareButtons.setObjectName(u"prepareButtons")
        self.prepareSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.prepareButtons.addItem(self.prepareSpacer)

        self.cancelButton = QPushButton(self.preparePage)
        self.cancelButton.setObjectName(u"cancelButton")

        self.prepareButtons.addWidget(self.cancelButton)

        self.generateButton = QPushButton(self.preparePage)
        self.generateButton.setObjectName(u"generateButton")

        self.prepareButtons.addWidget(self.generateButton)


        self.prepareLayout.addLayout(self.prepareButtons)

        self.stack.addWidget(self.preparePage)
        self.donePage = QWidget()
        self.donePage.setObjectName(u"donePage")
        self.doneLayout = QVBoxLayout(self.donePage)
        self.doneLayout.setSpacing(12)
        self.doneLayout.setObjectName(u"doneLayout")
        self.doneTitle = QLabel(self.donePage)
        self.doneTitle.setObjectName(u"doneTitle")

        self.doneLayout.addWidget(self.doneTitle)

        self.donePath = QLabel(self.donePage)
        self.donePath.setObjectName(u"donePath")
        self.donePath.setWordWrap(True)
        self.donePath.setProperty("textInteractionFlags", "TextSelectableByMouse")

        self.doneLayout.addWidget(self.donePath)

        self.doneHint = QLabel(self.donePage)
        self.doneHint.setObjectName(u"doneHint")
        self.doneHint.setWordWrap(True)

        self.doneLayout.addWidget(self.doneHint)

        self.doneSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.doneLayout.addItem(self.doneSpacer)

        self.doneButtons = QHBoxLayout()
        self.doneButtons.setObjectName(u"doneButtons")
        self.openFileButton = QPushButton(self.donePage)
        self.openFileButton.setObjectName(u"openFileButton")

        self.doneButtons.addWidget(self.openFileButton)

        self.openFolderButton = QPushButton(self.donePage)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.doneButtons.addWidget(self.openFolderButton)

        self.doneButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.doneButtons.addItem(self.doneButtonsSpacer)

        self.closeButton = QPushButton(self.donePage)
        self.closeButton.setObjectName(u"closeButton")

        self.doneButtons.addWidget(self.closeButton)


        self.doneLayout.addLayout(self.doneButtons)

        self.stack.addWidget(self.donePage)

        self.layout.addWidget(self.stack)


        self.retranslateUi(GenerateDialog)

        self.generateButton.setDefault(True)
        self.openFileButton.setDefault(True)


        QMetaObject.connectSlotsByName(GenerateDialog)
    # setupUi

    def retranslateUi(self, GenerateDialog):
        GenerateDialog.setWindowTitle(QCoreApplication.translate("GenerateDialog", u"\u751f\u6210\u62a5\u544a", None))
        self.pathLabel.setText(QCoreApplication.translate("GenerateDialog", u"\u4fdd\u5b58\u4e3a\uff1a", None))
        self.browseButton.setText(QCoreApplication.translate("GenerateDialog", u"\u6d4f\u89c8\u2026", None))
        self.editionLabel.setText(QCoreApplication.translate("GenerateDialog", u"\u6587\u7a3f\u7248\u672c\uff1a", None))
        self.formatLabel.setText(QCoreApplication.translate("GenerateDialog", u"\u683c\u5f0f\uff1a", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("GenerateDialog", u"color: #b00020;", None))
        self.cancelButton.setText(QCoreApplication.translate("GenerateDialog", u"\u53d6\u6d88", None))
        self.generateButton.setText(QCoreApplication.translate("GenerateDialog", u"\u751f\u6210 .docx", None))
        self.doneTitle.setText(QCoreApplication.translate("GenerateDialog", u"\u62a5\u544a\u5df2\u751f\u6210", None))
        self.doneHint.setText(QCoreApplication.translate("GenerateDialog", u"\u53ef\u4ee5\u7528 Word \u6216 WPS \u6253\u5f00\u67e5\u770b\u3001\u6253\u5370\u3002", None))
        self.openFileButton.setText(QCoreApplication.translate("GenerateDialog", u"\u6253\u5f00\u6587\u4ef6", None))
        self.openFolderButton.setText(QCoreApplication.translate("GenerateDialog", u"\u6253\u5f00\u6240\u5728\u6587\u4ef6\u5939", None))
        self.closeButton.setText(QCoreApplication.translate("GenerateDialog", u"\u5173\u95ed", None))
    # retranslateUi

