# ruff: noqa
UI_SHA256 = "f738713d2a79e164011b15ed67de29bf0dc740c4e10c88121193b8d70b0ac5b8"
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'find_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout)

class Ui_FindDialog(object):
    def setupUi(self, FindDialog):
        if not FindDialog.objectName():
            FindDialog.setObjectName(u"FindDialog")
        FindDialog.resize(560, 420)
        self.layout = QVBoxLayout(FindDialog)
        self.layout.setObjectName(u"layout")
        self.queryLayout = QHBoxLayout()
        self.queryLayout.setObjectName(u"queryLayout")
        self.queryLabel = QLabel(FindDialog)
        self.queryLabel.setObjectName(u"queryLabel")

        self.queryLayout.addWidget(self.queryLabel)

        self.queryEdit = QLineEdit(FindDialog)
        self.queryEdit.setObjectName(u"queryEdit")
        self.queryEdit.setClearButtonEnabled(True)

        self.queryLayout.addWidget(self.queryEdit)


        self.layout.addLayout(self.queryLayout)

        self.replaceLayout = QHBoxLayout()
        self.replaceLayout.setObjectName(u"replaceLayout")
        self.replaceLabel = QLabel(FindDialog)
        self.replaceLabel.setObjectName(u"replaceLabel")

        self.replaceLayout.addWidget(self.replaceLabel)

        self.replaceEdit = QLineEdit(FindDialog)
        self.replaceEdit.setObjectName(u"replaceEdit")
        self.replaceEdit.setClearButtonEnabled(True)

        self.replaceLayout.addWidget(self.replaceEdit)

        self.replaceButton = QPushButton(FindDialog)
        self.replaceButton.setObjectName(u"replaceButton")

        self.replaceLayout.addWidget(self.replaceButton)

        self.replaceAllButton = QPushButton(FindDialog)
        self.replaceAllButton.setObjectName(u"replaceAllButton")

        self.replaceLayout.addWidget(self.replaceAllButton)


        self.layout.addLayout(self.replaceLayout)

        self.countLabel = QLabel(FindDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.layout.addWidget(self.countLabel)

        self.resultsList = QListWidget(FindDialog)
        self.resultsList.setObjectName(u"resultsList")
        self.resultsList.setWordWrap(True)

        self.layout.addWidget(self.resultsList)

        self.hintLabel = QLabel(FindDialog)
        self.hintLabel.setObjectName(u"hintLabel")

        self.layout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(FindDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(FindDialog)

        QMetaObject.connectSlotsByName(FindDialog)
    # setupUi

    def retranslateUi(self, FindDialog):
        FindDialog.setWindowTitle(QCoreApplication.translate("FindDialog", u"\u67e5\u627e\u548c\u66ff\u6362", None))
        self.queryLabel.setText(QCoreApplication.translate("FindDialog", u"\u67e5\u627e\u5185\u5bb9\uff1a", None))
        self.replaceLabel.setText(QCoreApplication.translate("FindDialog", u"\u66ff\u6362\u4e3a\uff1a", None))
        self.replaceButton.setText(QCoreApplication.translate("FindDialog", u"\u66ff\u6362\u6240\u9009\u5904", None))
        self.replaceAllButton.setText(QCoreApplication.translate("FindDialog", u"\u5168\u90e8\u66ff\u6362", None))
        self.hintLabel.setText(QCoreApplication.translate("FindDialog", u"\u53cc\u51fb\u7ed3\u679c\u53ef\u8df3\u8f6c\u5230\u76f8\u5e94\u4f4d\u7f6e\u3002\u66ff\u6362\u53ea\u6539\u6587\u5b57\uff0c\u4e0d\u6539\u6570\u636e\uff08\u6570\u5b57\u8bf7\u5728\u201c\u672c\u8282\u6570\u636e\u201d\u4e2d\u4fee\u6539\uff09\u3002", None))
    # retranslateUi

