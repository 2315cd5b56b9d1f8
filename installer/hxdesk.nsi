; hxdesk installer (NSIS 3, 64-bit, Simplified Chinese).
;
;   makensis /DVERSION=0.1.0 /DBUNDLE_DIR=..\dist\hxdesk /DOUTFILE=..\dist\hxdesk-0.1.0-setup.exe installer\hxdesk.nsi
;
; BUNDLE_DIR is the one-folder build of build_exe.spec (hxdesk.exe, hxdesk-cli.exe,
; _internal\).  Relative paths are relative to this file's folder.
; Installs for all users (Program Files, needs administrator rights) or, for a
; user without those rights, for the current user only (%LOCALAPPDATA%\Programs).
; The uninstaller keeps the user's reports (%APPDATA%\hxdesk) unless the user
; ticks the box that deletes them.  Windows 10 (1809+) and 11 only: Qt 6 does
; not run on older systems.  Silent: setup.exe /S [/AllUsers|/CurrentUser].

Unicode true
Target amd64-unicode
ManifestDPIAware true
!define /IfNDef COMPRESSOR "/SOLID lzma" ; a check build passes /DCOMPRESSOR=zlib
SetCompressor ${COMPRESSOR}

!ifndef VERSION
  !error "pass /DVERSION=x.y.z (hxdesk.__version__)"
!endif
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "..\dist\hxdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\hxdesk-${VERSION}-setup.exe"
!endif
!if /FileExists "${BUNDLE_DIR}\hxdesk.exe"
!else
  !error "${BUNDLE_DIR}\hxdesk.exe not found: build the bundle first (pyinstaller build_exe.spec)"
!endif

!define APP "hxdesk"
!define APP_TITLE "法治政府建设年度报告"
!define SHORTCUT_NAME "${APP_TITLE}（hxdesk）"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define MIN_BUILD 17763 ; Windows 10 version 1809, the oldest that Qt 6 supports

Name "${APP_TITLE}（hxdesk ${VERSION}）"
OutFile "${OUTFILE}"
BrandingText "hxdesk ${VERSION}"

; Version resource of setup.exe (x.y.z → x.y.z.0)
!searchparse /noerrors "${VERSION}" "" VMAJOR "." VMINOR "." VPATCH
!define /IfNDef VMAJOR 0
!define /IfNDef VMINOR 0
!define /IfNDef VPATCH 0
VIProductVersion "${VMAJOR}.${VMINOR}.${VPATCH}.0"
VIFileVersion "${VMAJOR}.${VMINOR}.${VPATCH}.0"
VIAddVersionKey /LANG=2052 "ProductName" "hxdesk"
VIAddVersionKey /LANG=2052 "FileDescription" "hxdesk 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT License"

; ------------------------------------------------------------ install mode
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include WinVer.nsh
!include FileFunc.nsh

; ------------------------------------------------------------------ pages
!define MUI_ICON "..\resources\icons\hxdesk.ico"
!define MUI_UNICON "..\resources\icons\hxdesk.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "本向导将在您的电脑上安装 hxdesk ${VERSION}（乡镇、街道法治政府建设年度报告编写工具）。$\r$\n$\r$\n您的报告保存在 %APPDATA%\hxdesk 文件夹中；安装新版本或卸载程序都不会删除它们。$\r$\n$\r$\n$_CLICK"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\hxdesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在启动 hxdesk"
!insertmacro MUI_PAGE_FINISH

!define MUI_COMPONENTSPAGE_TEXT_TOP "默认只删除程序文件，您的报告数据会保留。如果确实不再需要这些报告，请勾选第二项。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

; ------------------------------------------------------------------ checks
Function CheckWindows
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "hxdesk 只能在 Windows 10（1809 版或更新版本）或 Windows 11 上运行。$\r$\n$\r$\n您的电脑使用的是较旧的 Windows，无法安装。请联系单位的信息化工作人员升级系统，或在其他电脑上安装。" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Function .onInit
  Call CheckWindows
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

; ----------------------------------------------------------------- install
Section "hxdesk" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An older version's files go first, so that no stale library stays behind.
  ; (Only program files: the reports live in %APPDATA%\hxdesk, not here.)
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${SHORTCUT_NAME}.lnk" "$INSTDIR\hxdesk.exe" "" "$INSTDIR\hxdesk.exe" 0
  CreateShortCut "$DESKTOP\${SHORTCUT_NAME}.lnk" "$INSTDIR\hxdesk.exe" "" "$INSTDIR\hxdesk.exe" 0

  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_TITLE}（hxdesk）"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "hxdesk"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\hxdesk.exe,0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; --------------------------------------------------------------- uninstall
Section "un.删除程序文件" UnSecApp
  SectionIn RO
  Delete "$SMPROGRAMS\${SHORTCUT_NAME}.lnk"
  Delete "$DESKTOP\${SHORTCUT_NAME}.lnk"
  ; Only what the installer put there; never a recursive delete of $INSTDIR,
  ; which might be a folder the user chose that holds other files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\hxdesk.exe"
  Delete "$INSTDIR\hxdesk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
SectionEnd

; Unticked by default (/o): the reports survive an uninstall unless asked.
Section /o "un.同时删除我的报告数据（%APPDATA%\hxdesk，不可恢复）" UnSecData
  ; The data folder belongs to the user who runs the uninstaller, also when it
  ; runs for all users (then $APPDATA would point to ProgramData).
  SetShellVarContext current
  ${If} ${FileExists} "$APPDATA\${APP}\*.*"
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "将永久删除 $APPDATA\${APP} 中的全部报告、设置和日志，无法恢复。$\r$\n$\r$\n如需保留，请先把其中的 hxdesk.db 复制到其他位置。确定删除吗？" /SD IDNO IDYES delete_data
    DetailPrint "已保留报告数据：$APPDATA\${APP}"
    Goto data_done
    delete_data:
    RMDir /r "$APPDATA\${APP}"
    DetailPrint "已删除报告数据：$APPDATA\${APP}"
    data_done:
  ${EndIf}
  ${If} $MultiUser.InstallMode == "AllUsers"
    SetShellVarContext all
  ${EndIf}
SectionEnd

LangString DESC_UnSecApp ${LANG_SIMPCHINESE} "删除 hxdesk 程序、开始菜单和桌面快捷方式。"
LangString DESC_UnSecData ${LANG_SIMPCHINESE} "同时删除您编写的全部报告（数据库 hxdesk.db）、设置和日志。默认不勾选：报告会保留，重新安装后可以继续使用。"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecApp} $(DESC_UnSecApp)
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} $(DESC_UnSecData)
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
