<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  Chinese for what Qt's own qtbase_zh_CN.qm (shipped with PySide6) leaves in English in the
  non-native file dialog: sources Qt renamed since its Chinese was written ("Look in:" became
  "&Look in:"), and the folder and drive names of the file model's Type column. Installed over
  qtbase_zh_CN.qm, so it is asked first; "Size" reads 大小, as Windows Explorer says, not 体积.
  Written by hand (Qt's contexts and English sources); compiled like bookroom_en.ts (bookroom_desk/i18n.py).
-->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
        <message>
            <source>File name:</source>
            <translation>文件名称：</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Drive</source>
            <translation>驱动器</translation>
        </message>
        <message>
            <source>Folder</source>
            <comment>All other platforms</comment>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>File Folder</source>
            <comment>Match Windows Explorer</comment>
            <translation>文件夹</translation>
        </message>
    </context>
</TS>
