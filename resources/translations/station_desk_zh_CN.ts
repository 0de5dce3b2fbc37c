<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountActions</name>
    <message>
        <location filename="../../src/station_desk/ui/account_actions.py" line="39" />
        <source>&amp;Accounts</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_actions.py" line="47" />
        <source>&amp;Manage accounts…</source>
        <translation>管理账号(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_actions.py" line="48" />
        <source>Automatic &amp;lock…</source>
        <translation>自动锁定时间(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_actions.py" line="52" />
        <source>&amp;Change my password…</source>
        <translation>修改我的密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_actions.py" line="55" />
        <source>L&amp;ock the desk</source>
        <translation>锁定工作台(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_actions.py" line="57" />
        <source>&amp;Switch user / sign out</source>
        <translation>切换用户/退出登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_actions.py" line="85" />
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_actions.py" line="140" />
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>AccountFields</name>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="344" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="345" />
        <source>e.g. 李娟</source>
        <translation>例如 李娟</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="349" />
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="350" />
        <source>letters or digits, e.g. lijuan</source>
        <translation>字母或数字，例如 lijuan</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="353" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="354" />
        <source>Password again</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="356" />
        <source>at least 8</source>
        <translation>至少8位</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="367" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一样，请再输一次。</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="86" />
        <source>One-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="87" />
        <source>One-time password for %1 (%2):

%3

Give it to them; it is shown only now. At the next sign-in they must choose their own password.</source>
        <translation>%1（%2）的一次性密码：

%3

请交给本人；这个密码只显示这一次。下次登录时本人要改成自己的密码。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="111" />
        <source>Manage accounts</source>
        <translation>管理账号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="121" />
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="122" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="123" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="124" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="125" />
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="140" />
        <source>&amp;New account…</source>
        <translation>新建账号(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="141" />
        <source>&amp;Reset password</source>
        <translation>重设密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="142" />
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="207" />
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="143" />
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="209" />
        <source>Make &amp;administrator</source>
        <translation>设为管理员(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="144" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="173" />
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="173" />
        <source>in use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="175" />
        <source>, must change password</source>
        <translation>，下次登录须改密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="179" />
        <source>never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="181" />
        <source> (you)</source>
        <translation>（本人）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="207" />
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="209" />
        <source>Make &amp;counter staff</source>
        <translation>设为柜台人员(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="242" />
        <source>Account %1 created.</source>
        <translation>已新建账号 %1。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="258" />
        <source>A one-time password was set for %1.</source>
        <translation>已为 %1 设了一次性密码。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="266" />
        <source>%1 can sign in again.</source>
        <translation>%1 已启用，可以登录了。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="266" />
        <source>%1 is disabled.</source>
        <translation>%1 已停用，不能再登录。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="279" />
        <source>%1 is now %2.</source>
        <translation>%1 现在是%2。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="168" />
        <source>The database could not be opened, so the desk did not start.

%1

The database file has not been changed.</source>
        <translation>无法打开数据库，工作台没有启动。

%1

数据库文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="178" />
        <source>The newest backup is from %1. Restore it? The damaged file is kept aside.</source>
        <translation>最近的备份是 %1 的。要用它恢复吗？损坏的文件会另外保存，不会删除。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="183" />
        <source>Restore the newest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="186" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="197" />
        <source>The backup could not be restored: %1</source>
        <translation>备份无法恢复：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="210" />
        <source>There are no registrations yet.
Fill the desk with demo data (%1 workers, %2 postings) to get to know it?

Demo data is for training; use a new data folder before real work.</source>
        <translation>数据库里还没有任何登记。
要生成一批演示数据（零工 %1 人、招聘信息 %2 条）来熟悉工作台吗？

演示数据只用于培训；正式使用前请换用新的数据目录。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="222" />
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="245" />
        <source>Demo data could not be created: %1</source>
        <translation>生成演示数据失败：%1</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="50" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="51" />
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="52" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="53" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="54" />
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="115" />
        <source>many (see details)</source>
        <translation>多条（见说明）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="139" />
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="142" />
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="151" />
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="156" />
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="161" />
        <source>record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="163" />
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="171" />
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="174" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="194" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="218" />
        <source>%1 entries shown, newest first; scroll down for older ones</source>
        <translation>已显示 %1 条，最新的在前；向下滚动可查看更早的记录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/audit_page.py" line="220" />
        <source>%1 entries, newest first</source>
        <translation>共 %1 条，最新的在前</translation>
    </message>
</context>
<context>
    <name>BoardApp</name>
    <message>
        <location filename="../../src/station_desk/ui/board/app.py" line="63" />
        <source>The database could not be opened, so the board did not start.

%1</source>
        <translation>无法打开数据库，大屏没有启动。

%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/app.py" line="103" />
        <source>Could not write the screenshot: %1</source>
        <translation>无法写入截图：%1</translation>
    </message>
</context>
<context>
    <name>BoardHook</name>
    <message>
        <location filename="../../src/station_desk/ui/board/desk_hook.py" line="33" />
        <source>&amp;Lobby board</source>
        <translation>大厅大屏(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/desk_hook.py" line="38" />
        <source>Lobby board &amp;settings…</source>
        <translation>大屏设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/desk_hook.py" line="85" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
</context>
<context>
    <name>BoardSettingsDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="36" />
        <source>Lobby board settings</source>
        <translation>大屏设置</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="42" />
        <source>One notice per line, e.g. a training session or a new policy</source>
        <translation>每行一条通知，如培训场次、新政策</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="47" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="50" />
        <source>Address of the city platform; empty: no QR code</source>
        <translation>市级平台网址；不填则不显示二维码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="52" />
        <source>Show employers' phone numbers on the board</source>
        <translation>在大屏上显示用工方电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="54" />
        <source>Announce new postings aloud</source>
        <translation>语音播报新岗位</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="60" />
        <source>Screen %1 (%2×%3)</source>
        <translation>屏幕 %1（%2×%3）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="68" />
        <source>Screen %1</source>
        <translation>屏幕 %1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="73" />
        <source>&amp;Notices:</source>
        <translation>通知(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="75" />
        <source>Up to %1 notices of %2 characters; the board shows one at a time.</source>
        <translation>最多 %1 条，每条不超过 %2 字；大屏轮流显示。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="81" />
        <source>&amp;Page time:</source>
        <translation>翻页间隔(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="82" />
        <source>&amp;QR code address:</source>
        <translation>二维码网址(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="83" />
        <source>QR &amp;caption:</source>
        <translation>二维码说明(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/settings_dialog.py" line="84" />
        <source>&amp;Screen:</source>
        <translation>显示屏(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="76" />
        <location filename="../../src/station_desk/ui/board/window.py" line="379" />
        <source>Job board</source>
        <translation>招聘大屏</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="133" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="148" />
        <source>No job postings right now</source>
        <translation>暂时没有招聘信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="151" />
        <source>New jobs appear here as soon as employers bring them in.
Register at the service window and we will help you find work.</source>
        <translation>有新岗位会第一时间在这里发布。
欢迎到服务窗口登记求职，我们帮您找活。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="369" />
        <source>New job: %1, %2 people, %3</source>
        <translation>新岗位：%1，招%2人，%3</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="377" />
        <location filename="../../src/station_desk/ui/board/window.py" line="379" />
        <source>Gig-work station</source>
        <translation>零工驿站</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="383" />
        <source>Station details are being filled in; please ask at the counter.</source>
        <translation>驿站信息正在完善，请到服务窗口咨询。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="390" />
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="391" />
        <source>Opening hours: %1</source>
        <translation>服务时间：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="392" />
        <source>Service hotline: %1</source>
        <translation>服务热线：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="393" />
        <source>Complaints: %1</source>
        <translation>投诉渠道：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="430" />
        <source>Registering and finding work at the station is free of charge.</source>
        <translation>在驿站登记求职、推荐岗位，一律免费。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="444" />
        <source>%1 jobs, %2 people wanted</source>
        <translation>共 %1 个岗位，招 %2 人</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="461" />
        <source>Page %1/%2</source>
        <translation>第 %1/%2 页</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/window.py" line="506" />
        <source>dddd, MMMM d, yyyy</source>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
</context>
<context>
    <name>CardReaderActions</name>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="412" />
        <source>ID card &amp;reader…</source>
        <translation>身份证读卡器设置(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>CardReaderControl</name>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="104" />
        <source>Read ID card (F9)</source>
        <translation>读身份证 (F9)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="128" />
        <source>No ID card reader is set up: type the ID number, or choose the reader under File → ID card reader.</source>
        <translation>还没有设置身份证读卡器：请手工录入身份证号，或在“文件 → 身份证读卡器设置”里选择读卡器。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="134" />
        <source>Put the ID card on the reader: it is read by itself.</source>
        <translation>把身份证放在读卡器上，会自动读取。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="137" />
        <source>Put the ID card on the reader and press F9.</source>
        <translation>把身份证放在读卡器上，按 F9 读取。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="148" />
        <source>Reading the ID card…</source>
        <translation>正在读身份证…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="168" />
        <source>No ID card on the reader: put it flat on the reader and press F9 again (a card just read must be lifted and put back).</source>
        <translation>读卡器上没有身份证：请把身份证平放在读卡器上再按 F9（刚读过的卡要拿起来再放上）。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="186" />
        <source>The reader failed (%1): type the ID number by hand.</source>
        <translation>读卡器出错（%1）：请手工录入身份证号。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="202" />
        <source>This card is someone else's (%1): the record being edited has another ID number. Nothing was changed.</source>
        <translation>这张身份证是别人的（%1）：正在修改的这条记录身份证号不同，什么都没有改。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="215" />
        <source>Read %1. The card expired on %2: ask for a valid ID card or a temporary one.</source>
        <translation>已读取 %1。这张身份证已于 %2 过期：请对方出示有效的身份证或临时身份证。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="219" />
        <source>long-term</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="220" />
        <source>Read %1 (valid until %2). Check the name, then fill in the rest.</source>
        <translation>已读取 %1（有效期至 %2）。请核对姓名，再填写其他项。</translation>
    </message>
</context>
<context>
    <name>CardReaderSettingsDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="250" />
        <source>ID card reader</source>
        <translation>身份证读卡器设置</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="260" />
        <source>No reader (type the ID number)</source>
        <translation>不用读卡器（手工录入身份证号）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="261" />
        <source>Chinavision (华视) CVR-100 series — Termb.dll</source>
        <translation>华视电子 CVR-100 系列（Termb.dll）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="262" />
        <source>Synjones (神思) and other readers — sdtapi.dll</source>
        <translation>神思等公安部通用接口读卡器（sdtapi.dll）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="263" />
        <source>Demo reader (no device, for practice)</source>
        <translation>演示读卡器（不接设备，练习用）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="269" />
        <source>Automatic (USB1–16, then COM1–16)</source>
        <translation>自动（先找 USB1–16，再找 COM1–16）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="275" />
        <source>blank: the program's folder</source>
        <translation>不填：本程序所在文件夹</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="276" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="284" />
        <source>Read by itself while the registration form is open</source>
        <translation>登记表打开时自动读卡</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="289" />
        <source>Install the reader maker's driver first, then choose the folder that holds Termb.dll (华视) or sdtapi.dll (神思 and others). The DLL must be the 64-bit one. In the form, F9 reads the card into the ID number and name.</source>
        <translation>请先安装读卡器厂家的驱动，再选择放有 Termb.dll（华视）或 sdtapi.dll（神思等）的文件夹，须用64位的DLL。在登记表里按 F9，身份证号和姓名会自动填好。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="299" />
        <source>Test the reader</source>
        <translation>检测读卡器</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="312" />
        <source>Reader</source>
        <translation>读卡器型号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="313" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="314" />
        <source>Driver folder</source>
        <translation>驱动文件夹</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="349" />
        <source>Folder of the reader driver</source>
        <translation>读卡器驱动所在文件夹</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="360" />
        <source>Testing…</source>
        <translation>正在检测…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="377" />
        <source>The reader works (port %1). No card is on it now.</source>
        <translation>读卡器正常（端口 %1），现在上面没有身份证。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/card_reader.py" line="379" />
        <source>The reader works (port %1): read %2, %3.</source>
        <translation>读卡器正常（端口 %1）：读到 %2，%3。</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="73" />
        <source>New rights case</source>
        <translation>新建权益维护案件</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="76" />
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="81" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="86" />
        <source>Due in days</source>
        <translation>办结期限（天）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="87" />
        <source>What happened</source>
        <translation>案情</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="88" />
        <source>Amount owed (yuan)</source>
        <translation>欠薪金额（元）</translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="148" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="149" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="150" />
        <source>Employer</source>
        <translation>用工单位</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="151" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="152" />
        <source>Owed</source>
        <translation>欠薪金额</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="153" />
        <source>Recovered</source>
        <translation>已追回</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="154" />
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="155" />
        <source>What happened</source>
        <translation>案情</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="157" />
        <source>Rights cases</source>
        <translation>权益维护</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="163" />
        <source>Ctrl+N: new case for the worker or employer selected in the desk  ·  M: mediating  ·  R: resolved  ·  J: referred to labour inspection  ·  O: only overdue</source>
        <translation>Ctrl+N：为工作台中选中的零工或用工单位立案  ·  M：调解中  ·  R：已解决  ·  J：移交劳动监察  ·  O：只看逾期</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="206" />
        <source>Select a worker or an employer in the desk first.</source>
        <translation>请先在工作台中选中一位零工或一家用工单位。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="378" />
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="382" />
        <source>Account: %1 (%2)</source>
        <translation>账号：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="388" />
        <source>Current password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="389" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="390" />
        <source>New password again</source>
        <translation>再输一次新密码</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="92" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="93" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="94" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="96" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="98" />
        <location filename="../../src/station_desk/ui/table_models.py" line="124" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="99" />
        <source>Skills</source>
        <translation>专业特长</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="101" />
        <source>Job wanted</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="106" />
        <source>Registered residence</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="111" />
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="114" />
        <location filename="../../src/station_desk/ui/table_models.py" line="152" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="119" />
        <source>Employer name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="121" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="123" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="125" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="126" />
        <source>Open postings</source>
        <translation>招聘中岗位数</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="135" />
        <source>Occupation</source>
        <translation>职业(工种)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="136" />
        <source>Employer</source>
        <translation>用工主体</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="137" />
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="139" />
        <source>Employment</source>
        <translation>用工方式</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="143" />
        <source>Pay</source>
        <translation>薪资待遇</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="145" />
        <source>Paid</source>
        <translation>计酬方式</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="147" />
        <source>Work location</source>
        <translation>工作地点</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="149" />
        <source>Closing date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/table_models.py" line="158" />
        <source>Places left</source>
        <translation>还缺</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="61" />
        <source>Connect to the district server</source>
        <translation>连接区里的服务器</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="67" />
        <source>Use provisioning file…</source>
        <translation>使用配置文件…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="71" />
        <source>The desk works fully offline; connecting shares records with the district.</source>
        <translation>不连接也能完整离线工作；连接后登记信息会与区里共享。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="76" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="77" />
        <source>Station token</source>
        <translation>驿站令牌</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="83" />
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="86" />
        <source>Work offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="97" />
        <source>Provisioning file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="119" />
        <source>Enter the server address and the token.</source>
        <translation>请填写服务器地址和令牌。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="122" />
        <source>Checking the server and the token…</source>
        <translation>正在检查服务器和令牌…</translation>
    </message>
</context>
<context>
    <name>ConsentTextDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="136" />
        <source>Consent text</source>
        <translation>告知同意文本</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="140" />
        <source>The registration form shows this text next to the consent box; read it to the person or let them read it. Each registration keeps the text it was agreed with. Leave it empty to use the standard text.</source>
        <translation>登记表会在“已告知并同意”勾选框旁显示这段文字，请读给本人听或请本人阅读。每条登记都会保存当时同意的文本。留空则使用标准文本。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="156" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="157" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="158" />
        <source>Standard text</source>
        <translation>恢复标准文本</translation>
    </message>
</context>
<context>
    <name>EmployerForm</name>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="24" />
        <source>Edit employer</source>
        <translation>修改用工主体</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="24" />
        <source>New employer</source>
        <translation>新建用工主体</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="25" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="25" />
        <source>company, cooperative or person</source>
        <translation>单位、合作社或个人的名称</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="26" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="27" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="28" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="28" />
        <source>mobile or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="29" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="30" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/employer_form.py" line="30" />
        <source>optional, 18 characters</source>
        <translation>选填，18位</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="78" />
        <source>Erase personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="82" />
        <source>Erase the personal data of %1 at the person's request?

Name, ID number, phone, skills and job-wanted text and notes are wiped at this station and, after the next sync, at every station. Sex, birth year, region, hardship flags and the referrals and placements stay, so statistics keep counting. This cannot be undone; if the person comes back, register them anew.</source>
        <translation>按本人要求删除 %1 的个人信息吗？

姓名、身份证号、电话、专业特长和求职意向的文字以及备注会在本站删除，下次同步后在所有驿站删除。性别、出生年份、地区、困难类别以及推荐和就业记录会保留，统计照常计数。删除后不能恢复；本人以后再来，请重新登记。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="95" />
        <source>Reason (required), e.g. written request of the person</source>
        <translation>删除原因（必填），例如：本人书面申请</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="103" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="104" />
        <source>Erase</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="49" />
        <source>Record lawful exception</source>
        <translation>记录合法例外</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="59" />
        <source>e.g. underground mine work, which the law closes to women</source>
        <translation>如：矿山井下作业，属女职工禁忌从事的劳动</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="65" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="66" />
        <source>Why it is lawful</source>
        <translation>合法理由</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="67" />
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="152" />
        <source>Export personal data</source>
        <translation>导出个人信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="156" />
        <source>The file will hold names, ID numbers and phone numbers of every registered person. Keep it safe and delete it when it is no longer needed. The export is recorded in the audit trail with your name and reason.</source>
        <translation>导出的文件含有所有登记人员的姓名、身份证号和电话，请妥善保管，用完及时删除。本次导出会连同您的姓名和导出原因记入审计记录。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="165" />
        <source>e.g. monthly ledger for the district bureau</source>
        <translation>例如：向区人社局报送月度台账</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="174" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="190" />
        <location filename="../../src/station_desk/ui/import_dialog.py" line="219" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="191" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="196" />
        <source>Reason (required)</source>
        <translation>导出原因（必填）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="197" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="198" />
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="238" />
        <source>Please write why the data is exported.</source>
        <translation>请填写导出原因。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="243" />
        <source>Please choose where to save the file.</source>
        <translation>请选择文件保存位置。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="250" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="262" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="273" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="307" />
        <source>Station Desk: first administrator</source>
        <translation>驿站工作台 · 建立管理员账号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="312" />
        <source>This desk has no sign-in accounts yet. Create the administrator's account: it signs in, manages the other accounts, the station profile, exports and restores. Counter staff get their own accounts afterwards (Accounts → Manage accounts).</source>
        <translation>这台工作台还没有登录账号。请先建立管理员账号：管理员用它登录，管理其他账号、驿站信息、导出和恢复备份。柜台人员的账号之后再建（账号 → 管理账号）。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="320" />
        <source>Create and sign in</source>
        <translation>建立并登录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="321" />
        <source>Exit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>FirstRunAdminPage</name>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="341" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="344" />
        <source>e.g. 李娟</source>
        <translation>如 李娟</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="342" />
        <source>Who looks after this desk, and their sign-in account.</source>
        <translation>谁负责管理这台工作台，以及他登录用的账号。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="355" />
        <source>The administrator signs in with this username and password, manages the staff accounts, the station profile, exports and restores. Counter staff get their own accounts later (Accounts → Manage accounts). A forgotten password can be reset by IT on this PC.</source>
        <translation>管理员用这个用户名和密码登录，管理工作人员账号、驿站信息、导出和恢复备份。柜台人员的账号以后再建（账号 → 管理账号）。忘记密码时，可由信息化人员在这台电脑上重设。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="371" />
        <source>Administrator's name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="372" />
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="373" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="374" />
        <source>Password again</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="391" />
        <source>This desk already has sign-in accounts; the desk asks for one when it starts. Only the administrator's name is recorded here.</source>
        <translation>这台工作台已经有登录账号，启动时会要求登录。这里只记下管理员的姓名。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="411" />
        <source>Enter the administrator's name.</source>
        <translation>请填写管理员姓名。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="414" />
        <source>The name is too long (at most %1 characters).</source>
        <translation>姓名过长（最多%1个字）。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="420" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一样，请再输一次。</translation>
    </message>
</context>
<context>
    <name>FirstRunConnectPage</name>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="209" />
        <source>District server</source>
        <translation>连接区服务器</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="211" />
        <source>The desk works fully offline; connecting shares records with the district.</source>
        <translation>不连接也能完整离线工作；连接后登记信息会与区里共享。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="213" />
        <source>Use the &amp;provisioning file from the district</source>
        <translation>使用区里发的配置文件(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="214" />
        <source>Enter the &amp;server address and token</source>
        <translation>填写服务器地址和令牌(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="215" />
        <source>Not now, work &amp;offline</source>
        <translation>暂不连接，离线工作(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="223" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="232" />
        <source>This can be done later: File → Connect to the district server…</source>
        <translation>以后也可以连接：文件 → 连接区服务器…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="242" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="243" />
        <source>Station token</source>
        <translation>驿站令牌</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="265" />
        <source>Provisioning file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="286" />
        <source>Choose the provisioning file.</source>
        <translation>请选择配置文件。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="296" />
        <source>Enter the server address and the token.</source>
        <translation>请填写服务器地址和令牌。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="308" />
        <source>Checking the server and the token…</source>
        <translation>正在检查服务器和令牌…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="320" />
        <source>Connected as %1.</source>
        <translation>已连接，本机为：%1。</translation>
    </message>
</context>
<context>
    <name>FirstRunDonePage</name>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="447" />
        <source>Ready</source>
        <translation>设置完成</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="448" />
        <source>The desk is set up and ready for work.</source>
        <translation>工作台已设置好，可以开始工作了。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="454" />
        <source>Everything can be changed later: File → Station profile…, File → Connect to the district server…</source>
        <translation>以上内容以后都可以修改：文件 → 驿站信息…，文件 → 连接区服务器…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="471" />
        <source>Administrator: %1, signs in as %2</source>
        <translation>管理员：%1，登录用户名 %2</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="483" />
        <source>connected to the district server as %1</source>
        <translation>已连接区服务器，本机为 %1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="485" />
        <source>working offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="488" />
        <source>Station: %1 (%2)</source>
        <translation>驿站：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="489" />
        <source>District server: %1</source>
        <translation>区服务器：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="469" />
        <source>Administrator: %1</source>
        <translation>管理员：%1</translation>
    </message>
</context>
<context>
    <name>FirstRunStationPage</name>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="123" />
        <source>Station information</source>
        <translation>驿站信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="124" />
        <source>How the desk, the lobby board and reports name this station.</source>
        <translation>工作台、大厅大屏和报表上显示的本驿站信息。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="129" />
        <source>Station name</source>
        <translation>驿站名称</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="129" />
        <source>e.g. 青山镇零工驿站</source>
        <translation>如 青山镇零工驿站</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="133" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="134" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="135" />
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="135" />
        <source>e.g. 周一至周六 7:30-17:30</source>
        <translation>如 周一至周六 7:30-17:30</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="136" />
        <source>Service hotline</source>
        <translation>服务热线</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="136" />
        <source>e.g. 12333</source>
        <translation>如 12333</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="137" />
        <source>Complaints</source>
        <translation>投诉举报方式</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="137" />
        <source>phone or address</source>
        <translation>电话或地址</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="499" />
        <source>Station Desk: first-time setup</source>
        <translation>驿站工作台 · 首次设置</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="505" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="506" />
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="507" />
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="508" />
        <source>Set up later</source>
        <translation>以后再设置</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="92" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="93" />
        <source>Posting</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="94" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="95" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="96" />
        <source>Referred</source>
        <translation>推荐时间</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="97" />
        <source>Interview</source>
        <translation>面试时间</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="98" />
        <source>Quick</source>
        <translation>快招</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="100" />
        <source>Referral follow-up</source>
        <translation>推荐跟进</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="106" />
        <source>C: confirmed by phone (interview in an hour)  ·  I: interviewed  ·  H: hired  ·  D: declined  ·  N: no-show  ·  F: only those waiting 3 days or more</source>
        <translation>C：已电话确认（一小时后面试）  ·  I：已面试  ·  H：已录用  ·  D：未录用  ·  N：未到场  ·  F：只看3天以上未反馈的</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="171" />
        <source>Hired. Places left: %1 of %2</source>
        <translation>已录用。该岗位还缺 %1 人（共 %2 人）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="174" />
        <source> — the posting is full and has been closed.</source>
        <translation>——岗位已招满，已自动关闭。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="178" />
        <source> Time from posting to hire: %1 min.</source>
        <translation>从发布到录用用时 %1 分钟。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="181" />
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>HardshipDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="242" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="243" />
        <source>Hardship</source>
        <translation>困难类型</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="244" />
        <source>Guidance owed</source>
        <translation>欠职业指导</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="245" />
        <source>Recommendations owed</source>
        <translation>欠岗位推荐</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="246" />
        <source>Training owed</source>
        <translation>欠技能培训</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="247" />
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="249" />
        <source>Hardship ledger (131)</source>
        <translation>帮扶台账（131）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="254" />
        <source>G: log career guidance  ·  M: find matches to recommend  ·  T: log a skills-training referral  ·  S: log another service</source>
        <translation>G：记录职业指导  ·  M：匹配岗位并推荐  ·  T：记录技能培训推荐  ·  S：记录其他服务</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="43" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="49" />
        <source>Diagnostics…</source>
        <translation>诊断信息…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="52" />
        <source>Save diagnostics package…</source>
        <translation>保存诊断包…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="62" />
        <source>Diagnostics</source>
        <translation>诊断信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="64" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="76" />
        <source>%1 problem(s), %2 warning(s).</source>
        <translation>%1 个问题，%2 个提醒。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="79" />
        <source>Everything is fine.</source>
        <translation>一切正常。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="84" />
        <source>The checks could not be run: %1</source>
        <translation>无法完成检查：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="108" />
        <source>Save diagnostics package</source>
        <translation>保存诊断包</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="110" />
        <source>Zip files (*.zip)</source>
        <translation>压缩文件 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="123" />
        <location filename="../../src/station_desk/ui/help_actions.py" line="134" />
        <source>Diagnostics package</source>
        <translation>诊断包</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="124" />
        <source>Saved %1.

It holds the check results and the logs with ID numbers, phone numbers and names masked; no database. Send it to the district's IT staff.</source>
        <translation>已保存到 %1。

里面是检查结果和运行日志，身份证号、电话和姓名都已打码，不含数据库。请把它发给区里的信息化人员。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/help_actions.py" line="135" />
        <source>The package could not be saved: %1</source>
        <translation>诊断包保存失败：%1</translation>
    </message>
</context>
<context>
    <name>IdleLockDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="291" />
        <source>Automatic lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="297" />
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="300" />
        <source>With no key press or mouse movement for this long, the desk locks itself and hides every record; the lobby board keeps showing. Ctrl+L locks at once.</source>
        <translation>这么长时间没有按键、没有动鼠标，工作台就自动锁定，遮住所有记录；大厅大屏照常显示。按 Ctrl+L 可以马上锁定。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="316" />
        <source>Lock after</source>
        <translation>无操作多久后锁定</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="49" />
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="51" />
        <source>Importing %1 …</source>
        <translation>正在导入 %1 …</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="59" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="87" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="91" />
        <source>Rows not imported (row, column, reason):</source>
        <translation>未导入的行（行号、列、原因）：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="101" />
        <source>The file could not be imported: %1</source>
        <translation>文件无法导入：%1</translation>
    </message>
</context>
<context>
    <name>LendForm</name>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="221" />
        <source>Lend a tool</source>
        <translation>借出工具</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="224" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="229" />
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="234" />
        <source>Return in days</source>
        <translation>几天后归还</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="235" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="241" />
        <source>Add a tool to the inventory first (Ctrl+N).</source>
        <translation>请先添加工具（Ctrl+N）。</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <location filename="../../src/station_desk/ui/pages.py" line="96" />
        <source>%n found</source>
        <translation>
            <numerusform>找到 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../src/station_desk/ui/lock.py" line="77" />
        <source>The desk is locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/lock.py" line="84" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/lock.py" line="85" />
        <source>&amp;Switch user</source>
        <translation>切换用户(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="43" />
        <source>Station Desk</source>
        <translation>驿站工作台</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="49" />
        <source>Register worker</source>
        <translation>登记零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="51" />
        <source>Search workers: name, pinyin initials (zs), last digits of ID or phone, trade</source>
        <translation>查找零工：姓名、拼音首字母（如 zs）、身份证或电话尾号、工种</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="56" />
        <source>New employer</source>
        <translation>新建用工主体</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="57" />
        <source>Search employers: name, pinyin initials, contact person, phone, address</source>
        <translation>查找用工主体：名称、拼音首字母、联系人、电话、地址</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="61" />
        <source>New posting</source>
        <translation>发布招聘</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="62" />
        <source>Search postings: occupation, employer, work location</source>
        <translation>查找招聘信息：工种、用工主体、工作地点</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="68" />
        <source>Workers</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="69" />
        <source>Employers</source>
        <translation>用工主体</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="70" />
        <source>Postings</source>
        <translation>招聘信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="130" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="131" />
        <source>&amp;Import ledger…</source>
        <translation>导入台账(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="133" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="137" />
        <source>&amp;Station profile…</source>
        <translation>驿站信息(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="140" />
        <source>&amp;Connect to the district server…</source>
        <translation>连接区服务器(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="142" />
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="144" />
        <source>Sync &amp;record (conflicts and merges)…</source>
        <translation>同步记录（冲突与合并）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="151" />
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="154" />
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="155" />
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="156" />
        <source>&amp;Edit… (Enter)</source>
        <translation>编辑(&amp;E)…（回车）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="158" />
        <source>&amp;Deactivate / close</source>
        <translation>停用/关闭(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="160" />
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="168" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="169" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="170" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="210" />
        <source>&amp;Deactivate worker</source>
        <translation>停用零工(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="210" />
        <source>&amp;Reactivate worker</source>
        <translation>恢复求职(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="212" />
        <source>&amp;Close posting</source>
        <translation>关闭招聘(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="212" />
        <source>&amp;Reopen posting</source>
        <translation>重新开放招聘(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="261" />
        <source>%1  ·  Workers: %2  ·  Employers: %3  ·  Open postings: %4</source>
        <translation>%1  ·  零工 %2 人  ·  用工主体 %3 家  ·  招聘中 %4 条</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="305" />
        <source>Already registered; opened the record.</source>
        <translation>该人员已登记，已打开其档案。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="311" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="315" />
        <source>Please note</source>
        <translation>请注意</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="328" />
        <source>Connected as %1.</source>
        <translation>已连接，本机为：%1。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="365" />
        <source>Deactivate worker</source>
        <translation>停用零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="366" />
        <source>Mark this worker as no longer looking for work? The record is kept.</source>
        <translation>把此人标记为不再求职？档案会保留。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="373" />
        <source>Close posting</source>
        <translation>关闭招聘</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="374" />
        <source>Take this posting off the board?</source>
        <translation>把这条招聘信息撤下？</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="377" />
        <source>All places filled</source>
        <translation>已招满</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="378" />
        <source>Withdrawn</source>
        <translation>撤回（已关闭）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="379" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="394" />
        <source>The worker is looking for work again.</source>
        <translation>已恢复为求职中。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="397" />
        <source>The posting is open again.</source>
        <translation>招聘信息已重新开放。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="406" />
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="408" />
        <source>Ledgers (*.xlsx *.csv)</source>
        <translation>台账文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="423" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="425" />
        <source>Ctrl+N  new record
Enter or F2  edit the selected record
Ctrl+D  deactivate worker / close posting
Ctrl+F  search; Esc clears it; Down moves into the list
Alt+1 / Alt+2 / Alt+3  workers / employers / postings
In forms: Tab next field, Enter save, Ctrl+Enter save from a note, Esc cancel
Ctrl+I  import ledger, Ctrl+E  export</source>
        <translation>Ctrl+N  新建登记
回车 或 F2  编辑选中的记录
Ctrl+D  停用零工 / 关闭招聘
Ctrl+F  查找；Esc 清空；↓ 进入列表
Alt+1 / Alt+2 / Alt+3  零工 / 用工主体 / 招聘信息
表单中：Tab 下一项，回车 保存，备注里用 Ctrl+回车 保存，Esc 取消
Ctrl+I  导入台账，Ctrl+E  导出</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="433" />
        <source>Ctrl+M  matches for the selected worker or posting (Enter refers)
F6  referral follow-up, F7  hardship ledger (131), Ctrl+Shift+L  log a service
F8  rights cases, F9  tool lending</source>
        <translation>Ctrl+M  为选中的零工或岗位匹配（回车推荐）
F6  推荐跟进，F7  帮扶台账（131），Ctrl+Shift+L  记录服务
F8  权益维护，F9  工具借用</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="438" />
        <source>Ctrl+L  lock the desk (unlock with your password)</source>
        <translation>Ctrl+L  锁定工作台（输入自己的密码解锁）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="444" />
        <source>About Station Desk</source>
        <translation>关于驿站工作台</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="446" />
        <source>Station Desk %1
Registration, matching and ledgers for gig-work stations.</source>
        <translation>驿站工作台 %1
零工驿站的求职登记、招聘登记、供需对接与台账。</translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="41" />
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="41" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="41" />
        <source>Why</source>
        <translation>匹配理由</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="42" />
        <source>Matches</source>
        <translation>人岗匹配</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="46" />
        <source>Enter or Ctrl+R: recommend  ·  Ctrl+P: point-to-point meeting  ·  Esc: close</source>
        <translation>回车或 Ctrl+R：推荐  ·  Ctrl+P：点对点对接  ·  Esc：关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="64" />
        <source>Places left: %1 of %2</source>
        <translation>还缺 %1 人（共 %2 人）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="69" />
        <source>No open posting matches this worker.</source>
        <translation>没有与该零工匹配的在招岗位。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="83" />
        <source>Referred. Record the outcome in the follow-up list (F6).</source>
        <translation>已推荐。请在推荐跟进（F6）中记录结果。</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="49" />
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="51" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="51" />
        <source>e.g. 王芳</source>
        <translation>例如 王芳</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="52" />
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="52" />
        <source>letters or digits, e.g. wangfang</source>
        <translation>字母或数字，例如 wangfang</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="54" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/account_dialogs.py" line="58" />
        <source>The desk makes a one-time password for the new account and shows it once. The holder signs in with it and then chooses their own.</source>
        <translation>工作台会为新账号生成一个一次性密码，只显示一次。本人用它登录后，再改成自己的密码。</translation>
    </message>
</context>
<context>
    <name>OlderAgeDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/settings_dialogs.py" line="28" />
        <source>Older-worker age line</source>
        <translation>大龄线设置</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/settings_dialogs.py" line="35" />
        <source>From this age (read from the ID number) a worker counts as an older worker and is listed in the hardship ledger (131).</source>
        <translation>年满此年龄（按身份证号计算）的零工算作大龄就业困难人员，列入帮扶台账（131）。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/settings_dialogs.py" line="51" />
        <source>Men, from age</source>
        <translation>男性，年满</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/settings_dialogs.py" line="52" />
        <source>Women, from age</source>
        <translation>女性，年满</translation>
    </message>
</context>
<context>
    <name>PostingCard</name>
    <message>
        <location filename="../../src/station_desk/ui/board/widgets.py" line="132" />
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/widgets.py" line="134" />
        <source>Quick hire</source>
        <translation>即时快招</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/widgets.py" line="136" />
        <source>District</source>
        <translation>区内</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/widgets.py" line="191" />
        <source>Hiring %1</source>
        <translation>招%1人</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/board/widgets.py" line="196" />
        <source>Ask at the service window</source>
        <translation>详询服务窗口</translation>
    </message>
</context>
<context>
    <name>PostingForm</name>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="102" />
        <source>Edit posting</source>
        <translation>修改招聘信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="102" />
        <source>New posting</source>
        <translation>发布招聘</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="114" />
        <source>pick a registered employer or type a new one</source>
        <translation>选择已登记的用工主体，或直接输入新的名称</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="119" />
        <source>Employer</source>
        <translation>用工主体</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="121" />
        <source>Occupation</source>
        <translation>职业(工种)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="121" />
        <source>e.g. 采茶工, 电工</source>
        <translation>如 采茶工、电工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="124" />
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="124" />
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="127" />
        <source>Employment</source>
        <translation>用工方式</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="134" />
        <source>Pay</source>
        <translation>薪资待遇</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="135" />
        <source>e.g. 180-220元/天; empty: negotiable</source>
        <translation>如 180-220元/天，不填为面议</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="137" />
        <source>Paid</source>
        <translation>计酬方式</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="139" />
        <source>Work location</source>
        <translation>工作地点</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="140" />
        <source>Hours / duration</source>
        <translation>工作时间/期限</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="140" />
        <source>e.g. 7:00-17:00, 10 days</source>
        <translation>如 7:00-17:00，共10天</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="141" />
        <source>Skill requirements</source>
        <translation>技能要求</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="145" />
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="146" />
        <location filename="../../src/station_desk/ui/posting_form.py" line="151" />
        <source>YYYY-MM-DD, optional</source>
        <translation>年-月-日，选填</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="150" />
        <source>Closing date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="155" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="156" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="158" />
        <source>Description</source>
        <translation>其他说明</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="165" />
        <source>Record lawful exception…</source>
        <translation>记录合法例外…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="201" />
        <source>Lawful exception recorded: %1 — %2 (by %3)</source>
        <translation>已记录合法例外：%1 — %2（记录人：%3）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="225" />
        <source>Suggestion: </source>
        <translation>建议：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/posting_form.py" line="231" />
        <source>This posting may discriminate; reword it or record a lawful exception:</source>
        <translation>这条招聘信息可能含有就业歧视内容，请修改措辞或记录合法例外：</translation>
    </message>
</context>
<context>
    <name>PrivacyActions</name>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="198" />
        <source>Select a worker in the list first.</source>
        <translation>请先在零工列表中选中一个人。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="227" />
        <source>Full ID number and phone</source>
        <translation>完整身份证号和电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="236" />
        <source>Erase personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="245" />
        <source>This person's data was already erased.</source>
        <translation>此人的个人信息已经删除。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="255" />
        <source>Personal data erased; the change goes to the district at the next sync.</source>
        <translation>个人信息已删除，下次同步时会同步到区里和各驿站。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="270" />
        <source>Consent text</source>
        <translation>告知同意文本</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="280" />
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="291" />
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="300" />
        <source>Export personal data</source>
        <translation>导出个人信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="312" />
        <source>Pri&amp;vacy</source>
        <translation>隐私(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="317" />
        <source>Show full ID number and phone</source>
        <translation>显示完整身份证号和电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="324" />
        <source>Erase personal data…</source>
        <translation>删除个人信息…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="332" />
        <source>Consent text…</source>
        <translation>告知同意文本…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="339" />
        <source>Audit trail…</source>
        <translation>审计记录…</translation>
    </message>
</context>
<context>
    <name>QuickHireDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="48" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="49" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="50" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="51" />
        <source>Interview</source>
        <translation>面试时间</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="52" />
        <source>Why</source>
        <translation>匹配理由</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="54" />
        <source>Same-day quick hire</source>
        <translation>即时快招</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="60" />
        <source>Enter: next step for the selected worker  ·  R: refer  ·  C: confirmed by phone (interview at the time below)  ·  I: interviewed  ·  H: on the job  ·  D: declined  ·  N: no-show  ·  T: interview time  ·  P: show the phone number  ·  Esc: close</source>
        <translation>回车：选中零工的下一步  ·  R：推荐  ·  C：已电话确认（按下方时间面试）  ·  I：已面试  ·  H：已上岗  ·  D：未录用  ·  N：未到场  ·  T：面试时间  ·  P：显示电话号码  ·  Esc：关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="74" />
        <source>Interview today at (T)</source>
        <translation>今天面试时间（T）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="102" />
        <source>Not referred</source>
        <translation>未推荐</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="103" />
        <source>Referred, call to confirm</source>
        <translation>已推荐，待电话确认</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="104" />
        <source>Confirmed by phone</source>
        <translation>已电话确认</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="105" />
        <source>Interviewed</source>
        <translation>已面试</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="106" />
        <source>On the job</source>
        <translation>已上岗</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="107" />
        <source>Declined</source>
        <translation>未录用</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="108" />
        <source>No-show</source>
        <translation>未到场</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="129" />
        <source>%1 · places left %2 of %3</source>
        <translation>%1 · 还缺 %2 人（共 %3 人）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="132" />
        <source> · from posting to hire: %1 min</source>
        <translation> · 从发布到上岗 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="135" />
        <source> · published %1 min ago</source>
        <translation> · 已发布 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="147" />
        <source> (P: show)</source>
        <translation>（按P显示）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="151" />
        <source>Call %1: %2</source>
        <translation>致电 %1：%2</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="183" />
        <source>This worker is already on the job.</source>
        <translation>该零工已上岗。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="194" />
        <source>Refer this worker first (R).</source>
        <translation>请先推荐该零工（R）。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="210" />
        <source>Referred. Call the worker, then C to record the confirmation.</source>
        <translation>已推荐。请致电零工，确认后按 C 记录。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="212" />
        <source>Confirmed by phone; interview today at %1.</source>
        <translation>已电话确认，今天 %1 面试。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="216" />
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="218" />
        <source>On the job. Places left: %1 of %2.</source>
        <translation>已上岗。该岗位还缺 %1 人（共 %2 人）。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="222" />
        <source> From posting to hire: %1 min.</source>
        <translation>从发布到上岗用时 %1 分钟。</translation>
    </message>
</context>
<context>
    <name>QuickHireMenu</name>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="233" />
        <source>Same-day &amp;quick hire</source>
        <translation>即时快招(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="240" />
        <source>Awaiting referral</source>
        <translation>待推荐</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="241" />
        <source>Referred</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="242" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="243" />
        <source>Interviewed</source>
        <translation>已面试</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="244" />
        <source>On the job</source>
        <translation>已上岗</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="249" />
        <source>%1 — %2, %3 min to hire</source>
        <translation>%1 —— %2，%3 分钟上岗</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="252" />
        <source>%1 — %2, %3 min since published</source>
        <translation>%1 —— %2，已发布 %3 分钟</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="260" />
        <source>No quick postings today</source>
        <translation>今天没有即时快招岗位</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../src/station_desk/ui/forms.py" line="62" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/forms.py" line="66" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/forms.py" line="147" />
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
</context>
<context>
    <name>RegistrationTargetDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="219" />
        <source>Yearly registration targets…</source>
        <translation>年度登记目标…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/target_dialog.py" line="79" />
        <source>Yearly registration targets</source>
        <translation>年度登记目标</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/target_dialog.py" line="93" />
        <source>District, people per year</source>
        <translation>全区年度目标（人）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/target_dialog.py" line="100" />
        <source>Blank: share of the rest (%1)</source>
        <translation>不填则平均分配剩余目标（%1）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/target_dialog.py" line="103" />
        <source>The monthly dispatch report compares registrations with these.</source>
        <translation>月调度表按这些目标对比各驿站的登记人数。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/target_dialog.py" line="123" />
        <source>The stations' own targets add up to more than the district's.</source>
        <translation>各驿站单独设定的目标之和超过了全区目标。</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="59" />
        <source>Daily report…</source>
        <translation>日报…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="60" />
        <source>Monthly report…</source>
        <translation>月报…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="61" />
        <source>Directory…</source>
        <translation>名录…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="62" />
        <source>Monthly dispatch…</source>
        <translation>月调度表…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="63" />
        <source>Star rating…</source>
        <translation>星级评定…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="87" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="94" />
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="96" />
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="99" />
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="100" />
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="130" />
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="149" />
        <source>Preparing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="152" />
        <location filename="../../src/station_desk/ui/dashboard.py" line="187" />
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="175" />
        <source>Report saved to %1</source>
        <translation>报表已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="188" />
        <source>The report could not be saved: %1</source>
        <translation>报表未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="206" />
        <source>Re&amp;ports</source>
        <translation>报表(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="214" />
        <source>Statistics dashboard…</source>
        <translation>统计看板…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="312" />
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="349" />
        <source>Statistics dashboard</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="352" />
        <source>Placements per day (last 30 days)</source>
        <translation>每日成功就业人次（近30天）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="355" />
        <source>Places posted by trade (last 30 days)</source>
        <translation>各工种招聘人数（近30天）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="359" />
        <source>131 completion of hardship workers</source>
        <translation>困难零工“131”帮扶完成情况</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="361" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/dashboard.py" line="376" />
        <source>Placements in 30 days: %1</source>
        <translation>近30天成功就业 %1 人次</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="50" />
        <source>Full ID number and phone</source>
        <translation>完整身份证号和电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="52" />
        <source>%1
ID number: %2
Phone: %3</source>
        <translation>%1
身份证号：%2
电话：%3</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="59" />
        <source>This view is recorded in the audit trail.</source>
        <translation>本次查看已记入审计记录。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/privacy_actions.py" line="62" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="194" />
        <source>Log a service</source>
        <translation>记录服务</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="203" />
        <source>Plan given, course, policy explained…</source>
        <translation>给出的方案、培训课程、讲解的政策…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="212" />
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="213" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="267" />
        <source>Station Desk: sign in</source>
        <translation>驿站工作台 · 登录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="278" />
        <source>Forgot your password? Ask the administrator to reset it (Accounts → Manage accounts). A forgotten administrator password is reset by IT on this PC.</source>
        <translation>忘记密码？请管理员重设（账号 → 管理账号）。管理员忘记密码时，由信息化人员在这台电脑上重设。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="282" />
        <source>Exit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="83" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="94" />
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="96" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="103" />
        <source>This password was set by an administrator. Choose your own now: at least 8 characters, easy for you to remember, hard for others to guess.</source>
        <translation>这个密码是管理员设的，请现在改成自己的密码：至少8位，自己好记、别人难猜。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="108" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="109" />
        <source>New password again</source>
        <translation>再输一次新密码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="141" />
        <source>%1 (%2), enter your password to unlock.</source>
        <translation>%1（%2），请输入密码解锁。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="181" />
        <source>Enter the username and the password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="219" />
        <source>Wrong password %1 times in a row. Wait %2 seconds, then try again.</source>
        <translation>密码已连续输错 %1 次，请等 %2 秒再试。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="231" />
        <source>Try again.</source>
        <translation>可以再试了。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/login.py" line="239" />
        <source>The two new passwords differ. Type them again.</source>
        <translation>两次输入的新密码不一样，请再输一次。</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="61" />
        <source>Referral slip</source>
        <translation>推荐函</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="72" />
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="78" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="85" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="86" />
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="87" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="97" />
        <source>Save referral slip</source>
        <translation>保存推荐函</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="105" />
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="110" />
        <source>Referral slip saved to %1</source>
        <translation>推荐函已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="124" />
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="135" />
        <source>Referral slip sent to the printer.</source>
        <translation>推荐函已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_dialogs.py" line="110" />
        <source>P: print the referral slip</source>
        <translation>P：打印推荐函</translation>
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="31" />
        <source>Station profile</source>
        <translation>驿站信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="32" />
        <source>Station name</source>
        <translation>驿站名称</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="32" />
        <source>e.g. 青山镇零工驿站</source>
        <translation>如 青山镇零工驿站</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="33" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="34" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="35" />
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="35" />
        <source>e.g. 周一至周六 7:30-17:30</source>
        <translation>如 周一至周六 7:30-17:30</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="36" />
        <source>Main trades</source>
        <translation>主要工种</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="36" />
        <source>e.g. 建筑、家政、采摘</source>
        <translation>如 建筑、家政、采摘</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="37" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="37" />
        <source>mobile or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="38" />
        <source>Service hotline</source>
        <translation>服务热线</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="38" />
        <source>e.g. 12333</source>
        <translation>如 12333</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="39" />
        <source>Complaints</source>
        <translation>投诉举报方式</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/station_form.py" line="39" />
        <source>phone or address</source>
        <translation>电话或地址</translation>
    </message>
</context>
<context>
    <name>StatusForm</name>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="117" />
        <source>Case status</source>
        <translation>案件状态</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="120" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="121" />
        <source>Recovered now (yuan)</source>
        <translation>本次追回（元）</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="105" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="110" />
        <source>Syncing: downloading the district's data, %1 MB</source>
        <translation>正在同步：下载区里的数据 %1 MB</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="116" />
        <source>Syncing: %1 sent</source>
        <translation>正在同步：已上传 %1 条</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="118" />
        <source>Syncing: %1 received</source>
        <translation>正在同步：已下载 %1 条</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="151" />
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="196" />
        <source>Working offline (not connected to the district)</source>
        <translation>离线工作（未连接区服务器）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="202" />
        <source>Sync refused: %1</source>
        <translation>同步被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="206" />
        <source>Sync stuck (see above)</source>
        <translation>同步卡住了（见上方提示）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="208" />
        <source>Offline since %1</source>
        <translation>离线（自 %1）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="212" />
        <location filename="../../src/station_desk/ui/sync_controller.py" line="218" />
        <source>%1 changes waiting to be sent</source>
        <translation>待上传 %1 条</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="216" />
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="222" />
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
</context>
<context>
    <name>SyncHealthBanner</name>
    <message>
        <location filename="../../src/station_desk/ui/sync_health.py" line="32" />
        <location filename="../../src/station_desk/ui/sync_health.py" line="69" />
        <source>Sync is stuck</source>
        <translation>同步卡住了</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_health.py" line="36" />
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_health.py" line="39" />
        <source>Connect again…</source>
        <translation>重新连接…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_health.py" line="71" />
        <source>%1 changes waiting to be sent</source>
        <translation>待上传 %1 条</translation>
    </message>
</context>
<context>
    <name>SyncLog</name>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="33" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="34" />
        <source>Employer</source>
        <translation>用工主体</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="35" />
        <source>Posting</source>
        <translation>招聘信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="36" />
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="37" />
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="38" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="39" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="40" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="41" />
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="42" />
        <source>Skills</source>
        <translation>专业特长</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="43" />
        <source>Job wanted</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="44" />
        <source>Headcount</source>
        <translation>招聘人数</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="45" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>SyncLogDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="143" />
        <source>Sync record: conflicts and merges</source>
        <translation>同步记录：冲突与合并</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="147" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="147" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="147" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="147" />
        <source>Kept</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="147" />
        <source>Lost</source>
        <translation>未采用的值</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="153" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="175" />
        <source>(this desk)</source>
        <translation>（本机的修改）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="175" />
        <source>(another station)</source>
        <translation>（其他驿站的修改）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="190" />
        <source>same ID number</source>
        <translation>同一身份证号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="191" />
        <source>merged into one record</source>
        <translation>已合并为一条记录</translation>
    </message>
</context>
<context>
    <name>ToolForm</name>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="257" />
        <source>Add tools</source>
        <translation>添加工具</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="263" />
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="264" />
        <source>Tool</source>
        <translation>工具</translation>
    </message>
</context>
<context>
    <name>ToolsDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="289" />
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="290" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="291" />
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="292" />
        <source>Lent</source>
        <translation>借出日期</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="293" />
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="295" />
        <source>Tool lending</source>
        <translation>工具借用</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="307" />
        <source>L: lend to the worker selected in the desk  ·  R: returned  ·  Ctrl+N: add tools</source>
        <translation>L：借给工作台中选中的零工  ·  R：已归还  ·  Ctrl+N：添加工具</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="310" />
        <source>In stock: %1</source>
        <translation>库存：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="337" />
        <source>Select a worker in the desk first.</source>
        <translation>请先在工作台中选中一位零工。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_dialogs.py" line="350" />
        <source>Returned.</source>
        <translation>已归还。</translation>
    </message>
</context>
<context>
    <name>WorkActions</name>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="30" />
        <source>&amp;Work</source>
        <translation>工作(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="38" />
        <source>&amp;Matches for the selected record</source>
        <translation>为选中记录匹配(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="39" />
        <source>Referral &amp;follow-up</source>
        <translation>推荐跟进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="40" />
        <source>&amp;Hardship ledger (131)</source>
        <translation>帮扶台账（131）(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="43" />
        <source>&amp;Log a service for the selected worker</source>
        <translation>为选中零工记录服务(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="47" />
        <source>&amp;Rights cases</source>
        <translation>权益维护(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="48" />
        <source>&amp;Tool lending</source>
        <translation>工具借用(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="104" />
        <source>Select a worker or a posting first.</source>
        <translation>请先选中一位零工或一个岗位。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="126" />
        <source>Select a worker first.</source>
        <translation>请先选中一位零工。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="51" />
        <source>Quic&amp;k hire for the selected posting</source>
        <translation>为选中岗位即时快招(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="55" />
        <source>&amp;Older-worker age line…</source>
        <translation>大龄线设置…(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="156" />
        <source>Select a quick posting first.</source>
        <translation>请先选中一个即时快招岗位。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="160" />
        <source>This posting is not marked as a same-day quick hire.</source>
        <translation>该岗位没有标为即时快招。</translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="37" />
        <source>Edit worker</source>
        <translation>修改零工档案</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="37" />
        <source>Register a worker</source>
        <translation>零工求职登记</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="48" />
        <location filename="../../src/station_desk/ui/worker_form.py" line="177" />
        <source>Birth date, sex, age and home region appear here</source>
        <translation>输入后这里显示出生日期、性别、年龄、户籍地</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="56" />
        <source>Open record</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="63" />
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="74" />
        <source>18 characters</source>
        <translation>18位</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="76" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="77" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="79" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="79" />
        <source>mobile or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="82" />
        <source>Skills</source>
        <translation>专业特长</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="82" />
        <source>e.g. 电工、焊工 (pinyin initials work)</source>
        <translation>如 电工、焊工（可输入拼音首字母）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="85" />
        <source>Job wanted</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="85" />
        <source>trades and places wanted</source>
        <translation>想做的工种、想去的地方</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="88" />
        <source>Expected pay</source>
        <translation>期望薪资</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="88" />
        <source>e.g. 200元/天, 4000-5000元/月</source>
        <translation>如 200元/天、4000-5000元/月</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="94" />
        <source>Long wait for work</source>
        <translation>待工时间长</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="95" />
        <source>Low-income family</source>
        <translation>低收入家庭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="96" />
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="106" />
        <source>Hardship</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="108" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="116" />
        <source>Consent notice</source>
        <translation>告知内容</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="117" />
        <source>The person was told and agrees to registration</source>
        <translation>已告知本人信息用途，本人同意登记</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="144" />
        <source>Agreed on %1 to:</source>
        <translation>本人于 %1 同意：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="152" />
        <source>No consent recorded (e.g. imported from a ledger).</source>
        <translation>没有告知同意记录（例如从台账导入的登记）。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="174" />
        <source>Hidden. Click Show full numbers to see it.</source>
        <translation>已隐藏，点“显示完整号码”查看。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="186" />
        <source>Born %1</source>
        <translation>出生 %1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="188" />
        <source>%1 years old</source>
        <translation>%1岁</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="189" />
        <source>region unknown</source>
        <translation>户籍地未知</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="193" />
        <source>(older worker, counted automatically)</source>
        <translation>（大龄，自动计入）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="198" />
        <source>Already registered: %1 (registered %2)</source>
        <translation>已登记：%1（%2 登记）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="250" />
        <source>Tell the person how their data is used and get consent first</source>
        <translation>请先向本人说明信息用途并取得同意</translation>
    </message>
</context>
</TS>