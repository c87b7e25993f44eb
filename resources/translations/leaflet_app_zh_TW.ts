<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="72"/>
        <source>Home</source>
        <translation>主頁</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="73"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="74"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="75"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="76"/>
        <source>Smaller text</source>
        <translation>縮小文字</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="77"/>
        <source>Normal text size</source>
        <translation>預設文字大小</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="78"/>
        <source>High contrast</source>
        <translation>高對比度</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="79"/>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="80"/>
        <source>Export PDF…</source>
        <translation>匯出 PDF…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="81"/>
        <source>Print selected…</source>
        <translation>列印所選…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="82"/>
        <source>Export selected…</source>
        <translation>匯出所選…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="83"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="84"/>
        <source>Next match</source>
        <translation>下一個匹配</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="85"/>
        <source>Previous match</source>
        <translation>上一個匹配</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="86"/>
        <source>Clear search</source>
        <translation>清除搜尋</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/actions.py" line="87"/>
        <source>About</source>
        <translation>關於</translation>
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
        <translation>以下資料的更新無法載入：{0}。螢幕上的內容保持不變；請執行 leaflet-app check 檢視原因。</translation>
    </message>
</context>
<context>
    <name>KioskHome</name>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="183"/>
        <source>Welcome</source>
        <translation>歡迎</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="184"/>
        <source>Reading language</source>
        <translation>閱讀語言</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="185"/>
        <source>Read in English</source>
        <translation>用英文閱讀</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="185"/>
        <source>Read in Chinese</source>
        <translation>用中文閱讀</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="186"/>
        <source>English and Chinese side by side</source>
        <translation>中英文並排顯示</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="187"/>
        <source>Read in Traditional Chinese</source>
        <translation>用繁體中文閱讀</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/kiosk_home.py" line="188"/>
        <source>English and Traditional Chinese side by side</source>
        <translation>英文與繁體中文並排顯示</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="93"/>
        <source>Reading language</source>
        <translation>閱讀語言</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="96"/>
        <source>Read in English</source>
        <translation>用英文閱讀</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="97"/>
        <source>Read in Chinese</source>
        <translation>用中文閱讀</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="98"/>
        <source>Read in Traditional Chinese</source>
        <translation>用繁體中文閱讀</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="99"/>
        <source>English and Traditional Chinese side by side</source>
        <translation>英文與繁體中文並排顯示</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/language_switch.py" line="100"/>
        <source>English and Chinese side by side</source>
        <translation>中英文並排顯示</translation>
    </message>
</context>
<context>
    <name>LeafletUpdatedBar</name>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="58"/>
        <source>This leaflet was removed from the library. It stays open until you leave it.</source>
        <translation>本資料已從資料庫中移除。離開本頁之前，它會一直顯示。</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="61"/>
        <source>This leaflet was updated – reload to see the new version.</source>
        <translation>本資料已更新 – 重新載入即可檢視新版本。</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/live_content.py" line="62"/>
        <source>Reload</source>
        <translation>重新載入</translation>
    </message>
</context>
<context>
    <name>LeafletView</name>
    <message>
        <location filename="../../leaflet_app/ui/leaflet_view.py" line="259"/>
        <source>Sections</source>
        <translation>章節</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/leaflet_view.py" line="260"/>
        <source>Leaflet text</source>
        <translation>資料正文</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../leaflet_app/ui/library_model.py" line="220"/>
        <source>Reviewed {0}</source>
        <translation>審核日期 {0}</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/library_view.py" line="254"/>
        <source>Leaflets A–Z</source>
        <translation>資料目錄（A–Z）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/library_view.py" line="255"/>
        <source>Leaflets</source>
        <translation>資料列表</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="365"/>
        <source>Patient leaflets</source>
        <translation>患者資料</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="366"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="367"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="368"/>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="369"/>
        <source>Search leaflets (English, 中文, pinyin)</source>
        <translation>搜尋資料（中文、English、拼音）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="370"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="371"/>
        <source>Home</source>
        <translation>主頁</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="372"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="378"/>
        <source>Toolbar</source>
        <translation>工具列</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="388"/>
        <source>About</source>
        <translation>關於</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/main_window.py" line="387"/>
        <source>Patient leaflets {0}
Works fully offline.</source>
        <translation>患者資料 {0}
完全離線執行。</translation>
    </message>
</context>
<context>
    <name>PreviewController</name>
    <message>
        <location filename="../../leaflet_app/ui/preview.py" line="57"/>
        <source>Problems found by check</source>
        <translation>檢查發現的問題</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/preview.py" line="128"/>
        <source>{0} error(s), {1} warning(s)</source>
        <translation>{0} 個錯誤，{1} 個警告</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/preview.py" line="130"/>
        <source>the leaflet cannot be shown until the errors are fixed</source>
        <translation>改正錯誤後才能顯示本資料</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="395"/>
        <source>Export PDF</source>
        <translation>匯出 PDF</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="404"/>
        <source>Choose a folder for the PDFs</source>
        <translation>選擇儲存 PDF 的資料夾</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="525"/>
        <source>%n of {0} leaflets could not be printed:</source>
        <translation>{0} 份資料中有 %n 份無法列印：</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="527"/>
        <source>%n of {0} leaflets could not be exported:</source>
        <translation>{0} 份資料中有 %n 份無法匯出：</translation>
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
        <translation>列印選項</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="95"/>
        <source>Export PDF</source>
        <translation>匯出 PDF</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="102"/>
        <source>Both</source>
        <translation>中英對照</translation>
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
        <translation>Letter（美式信紙）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="119"/>
        <source>Large print</source>
        <translation>大字版</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="123"/>
        <source>All</source>
        <translation>全選</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="126"/>
        <source>None</source>
        <translation>全不選</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="131"/>
        <source>Optional note for page 1 (not saved)</source>
        <translation>第 1 頁備註（可選，不會儲存）</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="134"/>
        <source>One PDF per leaflet, in a folder</source>
        <translation>每份資料一個 PDF，存入資料夾</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="137"/>
        <source>One combined PDF</source>
        <translation>合併為一個 PDF</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="143"/>
        <source>Page 1 as it will print</source>
        <translation>第 1 頁列印效果</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="154"/>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="154"/>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="190"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="191"/>
        <source>Paper</source>
        <translation>紙張</translation>
    </message>
    <message numerus="yes">
        <location filename="../../leaflet_app/ui/print_dialog.py" line="194"/>
        <source>%n leaflets, every section of each</source>
        <translation>
            <numerusform>%n 份資料，每份列印全部章節</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="197"/>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="207"/>
        <source>Sections</source>
        <translation>章節</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="208"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="213"/>
        <source>Save as</source>
        <translation>儲存方式</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="322"/>
        <source>Counting pages…</source>
        <translation>正在計算頁數…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../leaflet_app/ui/print_dialog.py" line="326"/>
        <source>%n pages in all</source>
        <translation>
            <numerusform>合計共 %n 頁</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/print_dialog.py" line="328"/>
        <source>1 page</source>
        <translation>共 1 頁</translation>
    </message>
    <message numerus="yes">
        <location filename="../../leaflet_app/ui/print_dialog.py" line="330"/>
        <source>%n pages</source>
        <translation>
            <numerusform>共 %n 頁</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../leaflet_app/ui/search_controller.py" line="150"/>
        <source>Preparing search… {0} %</source>
        <translation>正在準備搜尋… {0}%</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_controller.py" line="151"/>
        <source>Search already finds what is ready.</source>
        <translation>已準備好的部分已經可以搜尋。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../leaflet_app/ui/search_results.py" line="67"/>
        <source>Similar spellings, not what you typed / 拼写相近的结果（非原词）</source>
        <translation>拼寫相近的結果（非您輸入的詞）/ Similar spellings, not what you typed</translation>
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
        <translation> · 另一語言匹配</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="192"/>
        <source>Did you mean {0}? / 您是不是要找：{0}？</source>
        <translation>您是不是要找：{0}？/ Did you mean {0}?</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="193"/>
        <source>Search results / 搜索结果</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="194"/>
        <source>Spelling suggestion / 拼写建议</source>
        <translation>拼寫建議</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="212"/>
        <source>Nothing found. Check the spelling, try fewer words, or browse the A–Z list.
没有找到相关内容。请检查拼写、减少关键词，或浏览 A–Z 列表。</source>
        <translation>沒有找到相關內容。請檢查拼寫、減少關鍵詞，或瀏覽 A–Z 列表。
Nothing found. Check the spelling, try fewer words, or browse the A–Z list.</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="214"/>
        <source>Show the A–Z list / 查看 A–Z 列表</source>
        <translation>檢視 A–Z 列表 / Show the A–Z list</translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/search_panel.py" line="185"/>
        <source>Preparing search… {0} %</source>
        <translation>正在準備搜尋… {0}%</translation>
    </message>
</context>
<context>
    <name>StackBar</name>
    <message numerus="yes">
        <location filename="../../leaflet_app/ui/stack_bar.py" line="53"/>
        <source>%n leaflets selected</source>
        <translation>
            <numerusform>已選 %n 份資料</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../leaflet_app/ui/stack_bar.py" line="55"/>
        <source>To print or export several leaflets at once, select them with Ctrl or Shift.</source>
        <translation>要一次列印或匯出多份資料，請按住 Ctrl 或 Shift 鍵選擇。</translation>
    </message>
</context>
</TS>
