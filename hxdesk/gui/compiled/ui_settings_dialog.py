# ruff: noqa
UI_SHA256 = "847d7b85c8b27c491a771ebe3f70dbe27fb19e514a80b527d4a843657f85bb4a"
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QGridLayout, QGroupBox, QLabel, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(640, 520)
        self.layout = QVBoxLayout(SettingsDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(SettingsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.presetGroup = QGroupBox(SettingsDialog)
        self.presetGroup.setObjectName(u"presetGroup")
        self.presetLayout = QVBoxLayout(self.presetGroup)
        self.presetLayout.setObjectName(u"presetLayout")

        self.layout.addWidget(self.presetGroup)

        self.customGroup = QGroupBox(SettingsDialog)
        self.customGroup.setObjectName(u"customGroup")
        self.customGrid = QGridLayout(self.customGroup)
        self.customGrid.setObjectName(u"customGrid")
        self.titleLabel = QLabel(self.customGroup)
        self.titleLabel.setObjectName(u"titleLabel")

        self.customGrid.addWidget(self.titleLabel, 0, 0, 1, 1)

        self.titleCombo = QComboBox(self.customGroup)
        self.titleCombo.setObjectName(u"titleCombo")
        self.titleCombo.setEditable(True)

        self.customGrid.addWidget(self.titleCombo, 0, 1, 1, 1)

        self.titleStatus = QLabel(self.customGroup)
        self.titleStatus.setObjectName(u"titleStatus")

        self.customGrid.addWidget(self.titleStatus, 0, 2, 1, 1)

        self.bodyLabel = QLabel(self.customGroup)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.customGrid.addWidget(self.bodyLabel, 1, 0, 1, 1)

        self.bodyCombo = QComboBox(self.customGroup)
        self.bodyCombo.setObjectName(u"bodyCombo")
        self.bodyCombo.setEditable(True)

        self.customGrid.addWidget(self.bodyCombo, 1, 1, 1, 1)

        self.bodyStatus = QLabel(self.customGroup)
        self.bodyStatus.setObjectName(u"bodyStatus")

        self.customGrid.addWidget(self.bodyStatus, 1, 2, 1, 1)

        self.heading1Label = QLabel(self.customGroup)
        self.heading1Label.setObjectName(u"heading1Label")

        self.customGrid.addWidget(self.heading1Label, 2, 0, 1, 1)

        self.heading1Combo = QComboBox(self.customGroup)
        self.heading1Combo.setObjectName(u"heading1Combo")
        self.heading1Combo.setEditable(True)

        self.customGrid.addWidget(self.heading1Combo, 2, 1, 1, 1)

        self.heading1Status = QLabel(self.customGroup)
        self.heading1Status.setObjectName(u"heading1Status")

        self.customGrid.addWidget(self.heading1Status, 2, 2, 1, 1)

        self.heading2Label = QLabel(self.customGroup)
        self.heading2Label.setObjectName(u"heading2Label")

        self.customGrid.addWidget(self.heading2Label, 3, 0, 1, 1)

        self.heading2Combo = QComboBox(self.customGroup)
        self.heading2Combo.setObjectName(u"heading2Combo")
        self.heading2Combo.setEditable(True)

        self.customGrid.addWidget(self.heading2Combo, 3, 1, 1, 1)

        self.heading2Status = QLabel(self.customGroup)
        self.heading2Status.setObjectName(u"heading2Status")

        self.customGrid.addWidget(self.heading2Status, 3, 2, 1, 1)


        self.layout.addWidget(self.customGroup)

        self.level3BoldCheck = QCheckBox(SettingsDialog)
        self.level3BoldCheck.setObjectName(u"level3BoldCheck")

        self.layout.addWidget(self.level3BoldCheck)

        self.summaryLabel = QLabel(SettingsDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.layout.addWidget(self.summaryLabel)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\u5b57\u4f53\u8bbe\u7f6e", None))
        self.intro.setText(QCoreApplication.translate("SettingsDialog", u"\u751f\u6210\u7684 .docx \u4e2d\u5404\u90e8\u5206\u4f7f\u7528\u7684\u5b57\u4f53\u3002\u82e5\u6253\u5f00\u62a5\u544a\u7684\u7535\u8111\u6ca1\u6709\u6240\u9009\u5b57\u4f53\uff0cWord/WPS \u4f1a\u7528\u76f8\u8fd1\u5b57\u4f53\u4ee3\u66ff\u3002", None))
        self.presetGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u5b57\u4f53\u65b9\u6848", None))
        self.customGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u5404\u90e8\u5206\u5b57\u4f53", None))
        self.titleLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6807\u9898\uff1a", None))
        self.bodyLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6b63\u6587\uff1a", None))
        self.heading1Label.setText(QCoreApplication.translate("SettingsDialog", u"\u4e00\u7ea7\u6807\u9898\uff1a", None))
        self.heading2Label.setText(QCoreApplication.translate("SettingsDialog", u"\u4e8c\u7ea7\u6807\u9898\uff1a", None))
        self.level3BoldCheck.setText(QCoreApplication.translate("SettingsDialog", u"\u4e09\u7ea7\u6807\u9898\uff081.\uff09\u52a0\u7c97\uff08\u90e8\u5206\u5730\u533a\u7684\u8981\u6c42\uff09", None))
    # retranslateUi

