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
    <name>ContentNotice</name>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="88" />
        <source> and {0} more</source>
        <translation> 等另外 {0} 份</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="89" />
        <source>Changed leaflets could not be loaded: {0}. Nothing changes on screen for them; run leaflet-app check to see why.</source>
        <translation>以下资料的更新无法载入：{0}。屏幕上的内容保持不变；请运行 leaflet-app check 查看原因。</translation>
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
    <name>LeafletUpdatedBar</name>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="58" />
        <source>This leaflet was removed from the library. It stays open until you leave it.</source>
        <translation>本资料已从资料库中移除。离开本页之前，它会一直显示。</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="61" />
        <source>This leaflet was updated – reload to see the new version.</source>
        <translation>本资料已更新 – 重新载入即可查看新版本。</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="62" />
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
</context>
<context>
    <name>LeafletView</name>
    <message>
        <location filename="../../leaflet_app/ui/leaflet_view.py" line="213" />
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/leaflet_view.py" line="214" />
        <source>Leaflet text</source>
        <translation>资料正文</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../leaflet_app/ui/library_view.py" line="54" />
        <source>Reviewed {0}</source>
        <translation>审核日期 {0}</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/library_view.py" line="68" />
        <source>Leaflets A–Z</source>
        <translation>资料目录（A–Z）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/library_view.py" line="69" />
        <source>Leaflets</source>
        <translation>资料列表</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="263" />
        <source>Patient leaflets</source>
        <translation>患者资料</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="264" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="265" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="266" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="267" />
        <source>Search leaflets (English, 中文, pinyin)</source>
        <translation>搜索资料（中文、English、拼音）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="268" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="269" />
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="270" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="276" />
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="285" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="286" />
        <source>Patient leaflets {0}
Works fully offline.</source>
        <translation>患者资料 {0}
完全离线运行。</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="37" />
        <source>Print options</source>
        <translation>打印选项</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="41" />
        <source>Both</source>
        <translation>中英对照</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="50" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="51" />
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="53" />
        <source>Large print</source>
        <translation>大字版</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="65" />
        <source>Optional note for page 1 (not saved)</source>
        <translation>第 1 页备注（可选，不会保存）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="77" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="78" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="80" />
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="81" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="137" />
        <source>Similar spellings, not what you typed / 拼写相近的结果（非原词）</source>
        <translation>拼写相近的结果（非您输入的词）/ Similar spellings, not what you typed</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="162" />
        <source>EN</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="162" />
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="163" />
        <source> · matched in the other language / 另一语言匹配</source>
        <translation> · 另一语言匹配</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="190" />
        <source>Did you mean {0}? / 您是不是要找：{0}？</source>
        <translation>您是不是要找：{0}？/ Did you mean {0}?</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="191" />
        <source>Search results / 搜索结果</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="192" />
        <source>Spelling suggestion / 拼写建议</source>
        <translation>拼写建议</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="210" />
        <source>Nothing found. Check the spelling, try fewer words, or browse the A–Z list.
没有找到相关内容。请检查拼写、减少关键词，或浏览 A–Z 列表。</source>
        <translation>没有找到相关内容。请检查拼写、减少关键词，或浏览 A–Z 列表。
Nothing found. Check the spelling, try fewer words, or browse the A–Z list.</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="212" />
        <source>Show the A–Z list / 查看 A–Z 列表</source>
        <translation>查看 A–Z 列表 / Show the A–Z list</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="129" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
</context>
</TS>