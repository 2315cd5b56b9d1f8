# ruff: noqa
UI_SHA256 = "28834eecaab2c02b51622d9c26e173aa704c69866f2c81a8f2e7bd921937e36a"
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtGui import (QAction)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QLabel, QMenu, QMenuBar, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QStackedWidget, QStatusBar, QTableWidget, QTableWidgetItem, QToolBar, QTreeWidget, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.actionNew = QAction(MainWindow)
        self.actionNew.setObjectName(u"actionNew")
        self.actionImport = QAction(MainWindow)
        self.actionImport.setObjectName(u"actionImport")
        self.actionExportJson = QAction(MainWindow)
        self.actionExportJson.setObjectName(u"actionExportJson")
        self.actionSave = QAction(MainWindow)
        self.actionSave.setObjectName(u"actionSave")
        self.actionGenerate = QAction(MainWindow)
        self.actionGenerate.setObjectName(u"actionGenerate")
        self.actionBackToList = QAction(MainWindow)
        self.actionBackToList.setObjectName(u"actionBackToList")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionUndo = QAction(MainWindow)
        self.actionUndo.setObjectName(u"actionUndo")
        self.actionRedo = QAction(MainWindow)
        self.actionRedo.setObjectName(u"actionRedo")
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
        self.actionBackups = QAction(MainWindow)
        self.actionBackups.setObjectName(u"actionBackups")
        self.actionSectionHistory = QAction(MainWindow)
        self.actionSectionHistory.setObjectName(u"actionSectionHistory")
        self.actionDeletedSections = QAction(MainWindow)
        self.actionDeletedSections.setObjectName(u"actionDeletedSections")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self.centralwidget)
        self.pages.setObjectName(u"pages")
        self.listPage = QWidget()
        self.listPage.setObjectName(u"listPage")
        self.listLayout = QVBoxLayout(self.listPage)
        self.listLayout.setSpacing(10)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(24, 18, 24, 18)
        self.listTitle = QLabel(self.listPage)
        self.listTitle.setObjectName(u"listTitle")

        self.listLayout.addWidget(self.listTitle)

        self.listHint = QLabel(self.listPage)
        self.listHint.setObjectName(u"listHint")
        self.listHint.setWordWrap(True)

        self.listLayout.addWidget(self.listHint)

        self.listBody = QHBoxLayout()
        self.listBody.setSpacing(16)
        self.listBody.setObjectName(u"listBody")
        self.reportTable = QTableWidget(self.listPage)
        if (self.reportTable.columnCount() < 4):
            self.reportTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.reportTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.reportTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.reportTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.reportTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.reportTable.setObjectName(u"reportTable")
        self.reportTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.reportTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.reportTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.reportTable.setAlternatingRowColors(True)
        self.reportTable.setShowGrid(False)
        self.reportTable.setColumnCount(4)
        self.reportTable.horizontalHeader().setStretchLastSection(True)
        self.reportTable.verticalHeader().setVisible(False)

        self.listBody.addWidget(self.reportTable)

        self.listButtons = QVBoxLayout()
        self.listButtons.setSpacing(8)
        self.listButtons.setObjectName(u"listButtons")
        self.newButton = QPushButton(self.listPage)
        self.newButton.setObjectName(u"newButton")

        self.listButtons.addWidget(self.newButton)

        self.nextYearButton = QPushButton(self.listPage)
        self.nextYearButton.setObjectName(u"nextYearButton")

        self.listButtons.addWidget(self.nextYearButton)

        self.openButton = QPushButton(self.listPage)
        self.openButton.setObjectName(u"openButton")

        self.listButtons.addWidget(self.openButton)

        self.duplicateButton = QPushButton(self.listPage)
        self.duplicateButton.setObjectName(u"duplicateButton")

        self.listButtons.addWidget(self.duplicateButton)

        self.renameButton = QPushButton(self.listPage)
        self.renameButton.setObjectName(u"renameButton")

        self.listButtons.addWidget(self.renameButton)

        self.deleteButton = QPushButton(self.listPage)
        self.deleteButton.setObjectName(u"deleteButton")

        self.listButtons.addWidget(self.deleteButton)

        self.restoreButton = QPushButton(self.listPage)
        self.restoreButton.setObjectName(u"restoreButton")

        self.listButtons.addWidget(self.restoreButton)

        self.purgeButton = QPushButton(self.listPage)
        self.purgeButton.setObjectName(u"purgeButton")

        self.listButtons.addWidget(self.purgeButton)

        self.listSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.listButtons.addItem(self.listSpacer)

        self.importButton = QPushButton(self.listPage)
        self.importButton.setObjectName(u"importButton")

        self.listButtons.addWidget(self.importButton)

        self.trashButton = QPushButton(self.listPage)
        self.trashButton.setObjectName(u"trashButton")
        self.trashButton.setCheckable(True)

        self.listButtons.addWidget(self.trashButton)


        self.listBody.addLayout(self.listButtons)


        self.listLayout.addLayout(self.listBody)

        self.pages.addWidget(self.listPage)
        self.editorPage = QWidget()
        self.editorPage.setObjectName(u"editorPage")
        self.editorLayout = QHBoxLayout(self.editorPage)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(self.editorPage)
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

        self.pages.addWidget(self.editorPage)

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuEdit = QMenu(self.menubar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuReport = QMenu(self.menubar)
        self.menuReport.setObjectName(u"menuReport")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.toolBar = QToolBar(MainWindow)
        self.toolBar.setObjectName(u"toolBar")
        self.toolBar.setMovable(False)
        self.toolBar.setProperty("toolButtonStyle", "ToolButtonTextOnly")
        MainWindow.addToolBar(self.toolBar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuEdit.menuAction())
        self.menubar.addAction(self.menuReport.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionNew)
        self.menuFile.addAction(self.actionImport)
        self.menuFile.addAction(self.actionExportJson)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionSave)
        self.menuFile.addAction(self.actionGenerate)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionBackups)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionBackToList)
        self.menuFile.addAction(self.actionQuit)
        self.menuEdit.addAction(self.actionUndo)
        self.menuEdit.addAction(self.actionRedo)
        self.menuEdit.addSeparator()
        self.menuEdit.addAction(self.actionFind)
        self.menuEdit.addSeparator()
        self.menuEdit.addAction(self.actionSectionHistory)
        self.menuEdit.addAction(self.actionDeletedSections)
        self.menuReport.addAction(self.actionGenerate)
        self.menuReport.addAction(self.actionSettings)
        self.menuHelp.addAction(self.actionAbout)
        self.toolBar.addAction(self.actionBackToList)
        self.toolBar.addAction(self.actionSave)
        self.toolBar.addAction(self.actionFind)
        self.toolBar.addAction(self.actionSettings)
        self.toolBar.addAction(self.actionGenerate)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"hxdesk \u6cd5\u6cbb\u653f\u5e9c\u5efa\u8bbe\u5e74\u5ea6\u62a5\u544a", None))
        self.actionNew.setText(QCoreApplication.translate("MainWindow", u"\u65b0\u5efa\u62a5\u544a\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionNew.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionImport.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u5165\u2026", None))
        self.actionExportJson.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u51fa\u4e3a\u4ea4\u6362\u6587\u4ef6\uff08JSON\uff09\u2026", None))
        self.actionSave.setText(QCoreApplication.translate("MainWindow", u"\u4fdd\u5b58", None))
#if QT_CONFIG(shortcut)
        self.actionSave.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+S", None))
#endif // QT_CONFIG(shortcut)
        self.actionGenerate.setText(QCoreApplication.translate("MainWindow", u"\u751f\u6210\u62a5\u544a\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionGenerate.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+G", None))
#endif // QT_CONFIG(shortcut)
        self.actionBackToList.setText(QCoreApplication.translate("MainWindow", u"\u62a5\u544a\u5217\u8868", None))
#if QT_CONFIG(tooltip)
        self.actionBackToList.setToolTip(QCoreApplication.translate("MainWindow", u"\u8fd4\u56de\u62a5\u544a\u5217\u8868", None))
#endif // QT_CONFIG(tooltip)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"\u9000\u51fa", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionUndo.setText(QCoreApplication.translate("MainWindow", u"\u64a4\u9500", None))
        self.actionRedo.setText(QCoreApplication.translate("MainWindow", u"\u91cd\u505a", None))
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"\u67e5\u627e\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionFind.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F", None))
#endif // QT_CONFIG(shortcut)
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"\u5b57\u4f53\u8bbe\u7f6e\u2026", None))
        self.actionBackups.setText(QCoreApplication.translate("MainWindow", u"\u5907\u4efd\u4e0e\u6062\u590d\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionBackups.setToolTip(QCoreApplication.translate("MainWindow", u"\u67e5\u770b\u6570\u636e\u5e93\u7684\u5907\u4efd\uff0c\u7acb\u5373\u5907\u4efd\uff0c\u6216\u7528\u4e00\u4efd\u5907\u4efd\u6062\u590d", None))
#endif // QT_CONFIG(tooltip)
        self.actionSectionHistory.setText(QCoreApplication.translate("MainWindow", u"\u5386\u53f2\u7248\u672c\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionSectionHistory.setToolTip(QCoreApplication.translate("MainWindow", u"\u67e5\u770b\u9009\u4e2d\u7ae0\u8282\u4ee5\u524d\u7684\u5185\u5bb9\uff0c\u5e76\u53ef\u6062\u590d\u5176\u4e2d\u4e00\u4e2a\u7248\u672c", None))
#endif // QT_CONFIG(tooltip)
        self.actionDeletedSections.setText(QCoreApplication.translate("MainWindow", u"\u5df2\u5220\u9664\u7684\u7ae0\u8282\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionDeletedSections.setToolTip(QCoreApplication.translate("MainWindow", u"\u67e5\u770b\u4ece\u672c\u62a5\u544a\u4e2d\u5220\u9664\u7684\u7ae0\u8282\uff0c\u5e76\u53ef\u653e\u56de\u539f\u5904", None))
#endif // QT_CONFIG(tooltip)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"\u5173\u4e8e hxdesk", None))
        self.listTitle.setText(QCoreApplication.translate("MainWindow", u"\u6211\u7684\u62a5\u544a", None))
        self.listHint.setText(QCoreApplication.translate("MainWindow", u"\u53cc\u51fb\u4e00\u4efd\u62a5\u544a\u5f00\u59cb\u7f16\u8f91\u3002\u6240\u6709\u4fee\u6539\u90fd\u4f1a\u81ea\u52a8\u4fdd\u5b58\u5728\u672c\u673a\uff0c\u65e0\u9700\u624b\u52a8\u4fdd\u5b58\u3002", None))
        ___qtablewidgetitem = self.reportTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("MainWindow", u"\u5e74\u5ea6", None))
        ___qtablewidgetitem1 = self.reportTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("MainWindow", u"\u53d1\u6587\u673a\u5173\uff08\u62a5\u544a\u540d\u79f0\uff09", None))
        ___qtablewidgetitem2 = self.reportTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("MainWindow", u"\u6807\u9898", None))
        ___qtablewidgetitem3 = self.reportTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("MainWindow", u"\u6700\u540e\u4fee\u6539", None))
        self.newButton.setText(QCoreApplication.translate("MainWindow", u"\u65b0\u5efa\u62a5\u544a\u2026", None))
        self.nextYearButton.setText(QCoreApplication.translate("MainWindow", u"\u65b0\u5efa\u4e0b\u4e00\u5e74\u5ea6\u2026", None))
#if QT_CONFIG(tooltip)
        self.nextYearButton.setToolTip(QCoreApplication.translate("MainWindow", u"\u4ee5\u9009\u4e2d\u7684\u62a5\u544a\u4e3a\u57fa\u7840\u65b0\u5efa\u4e0b\u4e00\u5e74\u5ea6\u7684\u62a5\u544a\uff1a\u4fdd\u7559\u7ed3\u6784\u548c\u6587\u5b57\uff0c\u6570\u636e\u6e05\u7a7a\u540e\u91cd\u65b0\u586b\u5199", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("MainWindow", u"\u6253\u5f00", None))
        self.duplicateButton.setText(QCoreApplication.translate("MainWindow", u"\u590d\u5236", None))
        self.renameButton.setText(QCoreApplication.translate("MainWindow", u"\u91cd\u547d\u540d\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("MainWindow", u"\u5220\u9664", None))
        self.restoreButton.setText(QCoreApplication.translate("MainWindow", u"\u8fd8\u539f", None))
        self.purgeButton.setText(QCoreApplication.translate("MainWindow", u"\u5f7b\u5e95\u5220\u9664\u2026", None))
        self.importButton.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u5165\u2026", None))
        self.trashButton.setText(QCoreApplication.translate("MainWindow", u"\u56de\u6536\u7ad9", None))
        ___qtreewidgetitem = self.navTree.headerItem()
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("MainWindow", u"\u62a5\u544a\u7ed3\u6784", None))
        self.addSectionButton.setText(QCoreApplication.translate("MainWindow", u"\u6dfb\u52a0\u7ae0\u8282", None))
#if QT_CONFIG(tooltip)
        self.addSectionButton.setToolTip(QCoreApplication.translate("MainWindow", u"\u5728\u9009\u4e2d\u7ae0\u8282\u4e4b\u540e\u6dfb\u52a0\u4e00\u4e2a\u540c\u7ea7\u7ae0\u8282", None))
#endif // QT_CONFIG(tooltip)
        self.insertSectionButton.setText(QCoreApplication.translate("MainWindow", u"\u63d2\u5165\u7ae0\u8282", None))
#if QT_CONFIG(tooltip)
        self.insertSectionButton.setToolTip(QCoreApplication.translate("MainWindow", u"\u5728\u9009\u4e2d\u7ae0\u8282\u4e4b\u524d\u63d2\u5165\u4e00\u4e2a\u540c\u7ea7\u7ae0\u8282", None))
#endif // QT_CONFIG(tooltip)
        self.addChildButton.setText(QCoreApplication.translate("MainWindow", u"\u6dfb\u52a0\u4e0b\u7ea7", None))
#if QT_CONFIG(tooltip)
        self.addChildButton.setToolTip(QCoreApplication.translate("MainWindow", u"\u5728\u9009\u4e2d\u7ae0\u8282\u4e0b\u6dfb\u52a0\u4e00\u4e2a\u4e0b\u7ea7\u7ae0\u8282", None))
#endif // QT_CONFIG(tooltip)
        self.deleteSectionButton.setText(QCoreApplication.translate("MainWindow", u"\u5220\u9664", None))
#if QT_CONFIG(tooltip)
        self.deleteSectionButton.setToolTip(QCoreApplication.translate("MainWindow", u"\u5220\u9664\u9009\u4e2d\u7ae0\u8282\u53ca\u5176\u4e0b\u7ea7\u7ae0\u8282", None))
#endif // QT_CONFIG(tooltip)
        self.moveUpButton.setText(QCoreApplication.translate("MainWindow", u"\u4e0a\u79fb", None))
        self.moveDownButton.setText(QCoreApplication.translate("MainWindow", u"\u4e0b\u79fb", None))
        self.outdentButton.setText(QCoreApplication.translate("MainWindow", u"\u5347\u7ea7", None))
#if QT_CONFIG(tooltip)
        self.outdentButton.setToolTip(QCoreApplication.translate("MainWindow", u"\u63d0\u5347\u4e00\u7ea7\uff08\u4f8b\u5982\u7531\uff08\u4e00\uff09\u53d8\u4e3a\u4e8c\u3001\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.indentButton.setText(QCoreApplication.translate("MainWindow", u"\u964d\u7ea7", None))
#if QT_CONFIG(tooltip)
        self.indentButton.setToolTip(QCoreApplication.translate("MainWindow", u"\u964d\u4f4e\u4e00\u7ea7\uff0c\u6210\u4e3a\u4e0a\u4e00\u4e2a\u7ae0\u8282\u7684\u4e0b\u7ea7", None))
#endif // QT_CONFIG(tooltip)
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"\u6587\u4ef6(&F)", None))
        self.menuEdit.setTitle(QCoreApplication.translate("MainWindow", u"\u7f16\u8f91(&E)", None))
        self.menuReport.setTitle(QCoreApplication.translate("MainWindow", u"\u62a5\u544a(&R)", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"\u5e2e\u52a9(&H)", None))
        self.toolBar.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u5de5\u5177\u680f", None))
    # retranslateUi

