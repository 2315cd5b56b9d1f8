# ruff: noqa
UI_SHA256 = "c17897dc37ccfcbc2aa0c47b6900889a7b66412a457b1778b2ad4b18e7cc83a7"
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'editor_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QTreeWidget, QVBoxLayout, QWidget)

class Ui_EditorPage(object):
    def setupUi(self, editorPage):
        if not editorPage.objectName():
            editorPage.setObjectName(u"editorPage")
        self.editorLayout = QHBoxLayout(editorPage)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(editorPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setProperty("orientation", "Horizontal")
        self.splitter.setChildrenCollapsible(False)
        self.navPane = QWidget(self.splitter)
        self.navPane.setObjectName(u"navPane")
        self.navLayout = QVBoxLayout(self.navPane)
        self.navLayout.setObjectName(u"navLayout")
        self.navLayout.setContentsMargins(4, 0, 4, 0)
        self.reportHeader = QLabel(self.navPane)
        self.reportHeader.setObjectName(u"reportHeader")
        self.reportHeader.setWordWrap(True)

        self.navLayout.addWidget(self.reportHeader)

        self.navTree = QTreeWidget(self.navPane)
        self.navTree.setObjectName(u"navTree")
        self.navTree.setProperty("contextMenuPolicy", "CustomContextMenu")
        self.navTree.setHeaderHidden(True)
        self.navTree.setColumnCount(1)

        self.navLayout.addWidget(self.navTree)

        self.navButtons = QGridLayout()
        self.navButtons.setObjectName(u"navButtons")
        self.addSectionButton = QPushButton(self.navPane)
        self.addSectionButton.setObjectName(u"addSectionButton")

        self.navButtons.addWidget(self.addSectionButton, 0, 0, 1, 1)

        self.insertSectionButton = QPushButton(self.navPane)
        self.insertSectionButton.setObjectName(u"insertSectionButton")

        self.navButtons.addWidget(self.insertSectionButton, 0, 1, 1, 1)

        self.addChildButton = QPushButton(self.navPane)
        self.addChildButton.setObjectName(u"addChildButton")

        self.navButtons.addWidget(self.addChildButton, 0, 2, 1, 1)

        self.deleteSectionButton = QPushButton(self.navPane)
        self.deleteSectionButton.setObjectName(u"deleteSectionButton")

        self.navButtons.addWidget(self.deleteSectionButton, 0, 3, 1, 1)

        self.moveUpButton = QPushButton(self.navPane)
        self.moveUpButton.setObjectName(u"moveUpButton")

        self.navButtons.addWidget(self.moveUpButton, 1, 0, 1, 1)

        self.moveDownButton = QPushButton(self.navPane)
        self.moveDownButton.setObjectName(u"moveDownButton")

        self.navButtons.addWidget(self.moveDownButton, 1, 1, 1, 1)

        self.outdentButton = QPushButton(self.navPane)
        self.outdentButton.setObjectName(u"outdentButton")

        self.navButtons.addWidget(self.outdentButton, 1, 2, 1, 1)

        self.indentButton = QPushButton(self.navPane)
        self.indentButton.setObjectName(u"indentButton")

        self.navButtons.addWidget(self.indentButton, 1, 3, 1, 1)


        self.navLayout.addLayout(self.navButtons)

        self.splitter.addWidget(self.navPane)
        self.formArea = QScrollArea(self.splitter)
        self.formArea.setObjectName(u"formArea")
        self.formArea.setWidgetResizable(True)
        self.formArea.setFrameShape(QFrame.NoFrame)
        self.formHost = QWidget()
        self.formHost.setObjectName(u"formHost")
        self.formHostLayout = QVBoxLayout(self.formHost)
        self.formHostLayout.setObjectName(u"formHostLayout")
        self.formHostLayout.setContentsMargins(0, 0, 0, 0)
        self.formArea.setWidget(self.formHost)
        self.splitter.addWidget(self.formArea)

        self.editorLayout.addWidget(self.splitter)


        self.retranslateUi(editorPage)

        QMetaObject.connectSlotsByName(editorPage)
    # setupUi

    def retranslateUi(self, editorPage):
        ___qtreewidgetitem = self.navTree.headerItem()
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("EditorPage", u"\u62a5\u544a\u7ed3\u6784", None))
        self.addSectionButton.setText(QCoreApplication.translate("EditorPage", u"\u6dfb\u52a0\u7ae0\u8282", None))
#if QT_CONFIG(tooltip)
        self.addSectionButton.setToolTip(QCoreApplication.translate("EditorPage", u"\u5728\u9009\u4e2d\u7ae0\u8282\u4e4b\u540e\u6dfb\u52a0\u4e00\u4e2a\u540c\u7ea7\u7ae0\u8282", None))
#endif // QT_CONFIG(tooltip)
        self.insertSectionButton.setText(QCoreApplication.translate("EditorPage", u"\u63d2\u5165\u7ae0\u8282", None))
#if QT_CONFIG(tooltip)
        self.insertSectionButton.setToolTip(QCoreApplication.translate("EditorPage", u"\u5728\u9009\u4e2d\u7ae0\u8282\u4e4b\u524d\u63d2\u5165\u4e00\u4e2a\u540c\u7ea7\u7ae0\u8282", None))
#endif // QT_CONFIG(tooltip)
        self.addChildButton.setText(QCoreApplication.translate("EditorPage", u"\u6dfb\u52a0\u4e0b\u7ea7", None))
#if QT_CONFIG(tooltip)
        self.addChildButton.setToolTip(QCoreApplication.translate("EditorPage", u"\u5728\u9009\u4e2d\u7ae0\u8282\u4e0b\u6dfb\u52a0\u4e00\u4e2a\u4e0b\u7ea7\u7ae0\u8282", None))
#endif // QT_CONFIG(tooltip)
        self.deleteSectionButton.setText(QCoreApplication.translate("EditorPage", u"\u5220\u9664", None))
#if QT_CONFIG(tooltip)
        self.deleteSectionButton.setToolTip(QCoreApplication.translate("EditorPage", u"\u5220\u9664\u9009\u4e2d\u7ae0\u8282\u53ca\u5176\u4e0b\u7ea7\u7ae0\u8282", None))
#endif // QT_CONFIG(tooltip)
        self.moveUpButton.setText(QCoreApplication.translate("EditorPage", u"\u4e0a\u79fb", None))
        self.moveDownButton.setText(QCoreApplication.translate("EditorPage", u"\u4e0b\u79fb", None))
        self.outdentButton.setText(QCoreApplication.translate("EditorPage", u"\u5347\u7ea7", None))
#if QT_CONFIG(tooltip)
        self.outdentButton.setToolTip(QCoreApplication.translate("EditorPage", u"\u63d0\u5347\u4e00\u7ea7\uff08\u4f8b\u5982\u7531\uff08\u4e00\uff09\u53d8\u4e3a\u4e8c\u3001\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.indentButton.setText(QCoreApplication.translate("EditorPage", u"\u964d\u7ea7", None))
#if QT_CONFIG(tooltip)
        self.indentButton.setToolTip(QCoreApplication.translate("EditorPage", u"\u964d\u4f4e\u4e00\u7ea7\uff0c\u6210\u4e3a\u4e0a\u4e00\u4e2a\u7ae0\u8282\u7684\u4e0b\u7ea7", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

