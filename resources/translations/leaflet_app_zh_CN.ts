<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="72"/>
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="73"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="74"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="75"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="76"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="77"/>
        <source>Normal text size</source>
        <translation>默认文字大小</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="78"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="79"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="80"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="81"/>
        <source>Print selected…</source>
        <translation>打印所选…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="82"/>
        <source>Export selected…</source>
        <translation>导出所选…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="83"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="84"/>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="85"/>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="86"/>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="87"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>ContentNotice</name>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="88"/>
        <source> and {0} more</source>
        <translation> 等另外 {0} 份</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="89"/>
        <source>Changed leaflets could not be loaded: {0}. Nothing changes on screen for them; run leaflet-app check to see why.</source>
        <translation>以下资料的更新无法载入：{0}。屏幕上的内容保持不变；请运行 leaflet-app check 查看原因。</translation>
    </message>
</context>
<context>
    <name>KioskHome</name>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="183"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="184"/>
        <source>Reading language</source>
        <translation>阅读语言</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="185"/>
        <source>Read in English</source>
        <translation>用英文阅读</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="185"/>
        <source>Read in Chinese</source>
        <translation>用中文阅读</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="186"/>
        <source>English and Chinese side by side</source>
        <translation>中英文并排显示</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="187"/>
        <source>Read in Traditional Chinese</source>
        <translation>用繁体中文阅读</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="188"/>
        <source>English and Traditional Chinese side by side</source>
        <translation>英文与繁体中文并排显示</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="93"/>
        <source>Reading language</source>
        <translation>阅读语言</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="96"/>
        <source>Read in English</source>
        <translation>用英文阅读</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="97"/>
        <source>Read in Chinese</source>
        <translation>用中文阅读</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="98"/>
        <source>Read in Traditional Chinese</source>
        <translation>用繁体中文阅读</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="99"/>
        <source>English and Traditional Chinese side by side</source>
        <translation>英文与繁体中文并排显示</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="100"/>
        <source>English and Chinese side by side</source>
        <translation>中英文并排显示</translation>
    </message>
</context>
<context>
    <name>LeafletUpdatedBar</name>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="58"/>
        <source>This leaflet was removed from the library. It stays open until you leave it.</source>
        <translation>本资料已从资料库中移除。离开本页之前，它会一直显示。</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="61"/>
        <source>This leaflet was updated – reload to see the new version.</source>
        <translation>本资料已更新 – 重新载入即可查看新版本。</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="62"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
</context>
<context>
    <name>LeafletView</name>
    <message>
        <location filename="../../leaflet_app/ui/leaflet_view.py" line="259"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/leaflet_view.py" line="260"/>
        <source>Leaflet text</source>
        <translation>资料正文</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../leaflet_app/ui/library_model.py" line="220"/>
        <source>Reviewed {0}</source>
        <translation>审核日期 {0}</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/library_view.py" line="254"/>
        <source>Leaflets A–Z</source>
        <translation>资料目录（A–Z）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/library_view.py" line="255"/>
        <source>Leaflets</source>
        <translation>资料列表</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="365"/>
        <source>Patient leaflets</source>
        <translation>患者资料</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="366"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="367"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="368"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="369"/>
        <source>Search leaflets (English, 中文, pinyin)</source>
        <translation>搜索资料（中文、English、拼音）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="370"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="371"/>
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="372"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="378"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="388"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="387"/>
        <source>Patient leaflets {0}
Works fully offline.</source>
        <translation>患者资料 {0}
完全离线运行。</translation>
    </message>
</context>
<context>
    <name>PreviewController</name>
    <message>
        <location filename="../../leaflet_app/ui/preview.py" line="57"/>
        <source>Problems found by check</source>
        <translation>检查发现的问题</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/preview.py" line="128"/>
        <source>{0} error(s), {1} warning(s)</source>
        <translation>{0} 个错误，{1} 个警告</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/preview.py" line="130"/>
        <source>the leaflet cannot be shown until the errors are fixed</source>
        <translation>改正错误后才能显示本资料</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="395"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="404"/>
        <source>Choose a folder for the PDFs</source>
        <translation>选择保存 PDF 的文件夹</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="525"/>
        <source>%n of {0} leaflets could not be printed:</source>
        <translation>{0} 份资料中有 %n 份无法打印：</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="527"/>
        <source>%n of {0} leaflets could not be exported:</source>
        <translation>{0} 份资料中有 %n 份无法导出：</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="530"/>
        <source>… and %n more</source>
        <translation>……另有 %n 份</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="95"/>
        <source>Print options</source>
        <translation>打印选项</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="95"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="102"/>
        <source>Both</source>
        <translation>中英对照</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="104"/>
        <source>English + 繁體中文</source>
        <translation>英文 + 繁體中文</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="115"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="116"/>
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="119"/>
        <source>Large print</source>
        <translation>大字版</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="123"/>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="126"/>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="131"/>
        <source>Optional note for page 1 (not saved)</source>
        <translation>第 1 页备注（可选，不会保存）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="134"/>
        <source>One PDF per leaflet, in a folder</source>
        <translation>每份资料一个 PDF，存入文件夹</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="137"/>
        <source>One combined PDF</source>
        <translation>合并为一个 PDF</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="143"/>
        <source>Page 1 as it will print</source>
        <translation>第 1 页打印效果</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="154"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="154"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="190"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="191"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message numerus="yes">
        <location filename="../../leaflet_app/ui/print_dialog.py" line="194"/>
        <source>%n leaflets, every section of each</source>
        <translation>
            <numerusform>%n 份资料，每份打印全部章节</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="197"/>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="207"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="208"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="213"/>
        <source>Save as</source>
        <translation>保存方式</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="322"/>
        <source>Counting pages…</source>
        <translation>正在计算页数…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../leaflet_app/ui/print_dialog.py" line="326"/>
        <source>%n pages in all</source>
        <translation>
            <numerusform>合计共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="328"/>
        <source>1 page</source>
        <translation>共 1 页</translation>
    </message>
    <message numerus="yes">
        <location filename="../../leaflet_app/ui/print_dialog.py" line="330"/>
        <source>%n pages</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../leaflet_app/ui/search_controller.py" line="150"/>
        <source>Preparing search… {0} %</source>
        <translation>正在准备搜索… {0}%</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_controller.py" line="151"/>
        <source>Search already finds what is ready.</source>
        <translation>已准备好的部分已经可以搜索。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../leaflet_app/ui/search_results.py" line="67"/>
        <source>Similar spellings, not what you typed / 拼写相近的结果（非原词）</source>
        <translation>拼写相近的结果（非您输入的词）/ Similar spellings, not what you typed</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_results.py" line="103"/>
        <source>EN</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_results.py" line="103"/>
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_results.py" line="105"/>
        <source> · matched in the other language / 另一语言匹配</source>
        <translation> · 另一语言匹配</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="192"/>
        <source>Did you mean {0}? / 您是不是要找：{0}？</source>
        <translation>您是不是要找：{0}？/ Did you mean {0}?</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="193"/>
        <source>Search results / 搜索结果</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="194"/>
        <source>Spelling suggestion / 拼写建议</source>
        <translation>拼写建议</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="212"/>
        <source>Nothing found. Check the spelling, try fewer words, or browse the A–Z list.
没有找到相关内容。请检查拼写、减少关键词，或浏览 A–Z 列表。</source>
        <translation>没有找到相关内容。请检查拼写、减少关键词，或浏览 A–Z 列表。
Nothing found. Check the spelling, try fewer words, or browse the A–Z list.</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="214"/>
        <source>Show the A–Z list / 查看 A–Z 列表</source>
        <translation>查看 A–Z 列表 / Show the A–Z list</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="185"/>
        <source>Preparing search… {0} %</source>
        <translation>正在准备搜索… {0}%</translation>
    </message>
</context>
<context>
    <name>StackBar</name>
    <message numerus="yes">
        <location filename="../../leaflet_app/ui/stack_bar.py" line="53"/>
        <source>%n leaflets selected</source>
        <translation>
            <numerusform>已选 %n 份资料</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/stack_bar.py" line="55"/>
        <source>To print or export several leaflets at once, select them with Ctrl or Shift.</source>
        <translation>要一次打印或导出多份资料，请按住 Ctrl 或 Shift 键选择。</translation>
    </message>
</context>
</TS>
