<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="68" />
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="68" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="68" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="69" />
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="69" />
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="70" />
        <source>Normal text size</source>
        <translation>默认文字大小</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="70" />
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="71" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="71" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="71" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="72" />
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="72" />
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="73" />
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="73" />
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="54" />
        <source>Reading language</source>
        <translation>阅读语言</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="55" />
        <source>Read in English</source>
        <translation>用英文阅读</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="56" />
        <source>Read in Chinese</source>
        <translation>用中文阅读</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="57" />
        <source>English and Chinese side by side</source>
        <translation>中英文并排显示</translation>
    </message>
</context>
<context>
    <name>LeafletView</name>
    <message>
        <location filename="../../leaflet_app/ui/leaflet_view.py" line="198" />
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/leaflet_view.py" line="199" />
        <source>Leaflet text</source>
        <translation>资料正文</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../leaflet_app/ui/library_view.py" line="51" />
        <source>Reviewed {0}</source>
        <translation>审核日期 {0}</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/library_view.py" line="65" />
        <source>Leaflets A–Z</source>
        <translation>资料目录（A–Z）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/library_view.py" line="66" />
        <source>Leaflets</source>
        <translation>资料列表</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="230" />
        <source>Patient leaflets</source>
        <translation>患者资料</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="231" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="232" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="233" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="234" />
        <source>Search leaflets (English, 中文, pinyin)</source>
        <translation>搜索资料（中文、English、拼音）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="235" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="236" />
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="237" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="243" />
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="252" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="253" />
        <source>Patient leaflets {0}
Works fully offline.</source>
        <translation>患者资料 {0}
完全离线运行。</translation>
    </message>
</context>
</TS>