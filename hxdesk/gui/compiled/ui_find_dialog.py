# ruff: noqa
UI_SHA256 = "ea0ba102750bbd61401e402f6a3c4364681b2a56081c04c7e4a35f7ee1fee0cb"
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'find_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QVBoxLayout)

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
        FindDialog.setWindowTitle(QCoreApplication.translate("FindDialog", u"\u67e5\u627e", None))
        self.queryLabel.setText(QCoreApplication.translate("FindDialog", u"\u67e5\u627e\u5185\u5bb9\uff1a", None))
        self.hintLabel.setText(QCoreApplication.translate("FindDialog", u"\u53cc\u51fb\u7ed3\u679c\u53ef\u8df3\u8f6c\u5230\u76f8\u5e94\u4f4d\u7f6e\u3002", None))
    # retranslateUi

