<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="146" />
        <source>The database could not be opened, so the desk did not start.

%1

The database file has not been changed.</source>
        <translation>无法打开数据库，工作台没有启动。

%1

数据库文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="156" />
        <source>The newest backup is from %1. Restore it? The damaged file is kept aside.</source>
        <translation>最近的备份是 %1 的。要用它恢复吗？损坏的文件会另外保存，不会删除。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="161" />
        <source>Restore the newest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="164" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="175" />
        <source>The backup could not be restored: %1</source>
        <translation>备份无法恢复：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="188" />
        <source>There are no registrations yet.
Fill the desk with demo data (%1 workers, %2 postings) to get to know it?

Demo data is for training; use a new data folder before real work.</source>
        <translation>数据库里还没有任何登记。
要生成一批演示数据（零工 %1 人、招聘信息 %2 条）来熟悉工作台吗？

演示数据只用于培训；正式使用前请换用新的数据目录。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="200" />
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/app.py" line="223" />
        <source>Demo data could not be created: %1</source>
        <translation>生成演示数据失败：%1</translation>
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
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="60" />
        <source>Connect to the district server</source>
        <translation>连接区里的服务器</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="66" />
        <source>Use provisioning file…</source>
        <translation>使用配置文件…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="70" />
        <source>The desk works fully offline; connecting shares records with the district.</source>
        <translation>不连接也能完整离线工作；连接后登记信息会与区里共享。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="75" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="76" />
        <source>Station token</source>
        <translation>驿站令牌</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="82" />
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="85" />
        <source>Work offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="96" />
        <source>Provisioning file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="118" />
        <source>Enter the server address and the token.</source>
        <translation>请填写服务器地址和令牌。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="121" />
        <source>Checking the server and the token…</source>
        <translation>正在检查服务器和令牌…</translation>
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
    <name>FirstRunAdminPage</name>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="328" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="329" />
        <source>Who looks after this desk.</source>
        <translation>负责这台工作台的人。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="331" />
        <source>e.g. 李娟</source>
        <translation>如 李娟</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="335" />
        <source>For now only the name is recorded; it signs the desk's audit log. Staff accounts with sign-in passwords come in a later version.</source>
        <translation>现在只记下姓名，操作记录会署上这个名字。带登录密码的员工账号将在以后的版本中提供。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="345" />
        <source>Administrator's name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="354" />
        <source>Enter the administrator's name.</source>
        <translation>请填写管理员姓名。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="358" />
        <source>The name is too long (at most %1 characters).</source>
        <translation>姓名过长（最多%1个字）。</translation>
    </message>
</context>
<context>
    <name>FirstRunConnectPage</name>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="199" />
        <source>District server</source>
        <translation>连接区服务器</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="201" />
        <source>The desk works fully offline; connecting shares records with the district.</source>
        <translation>不连接也能完整离线工作；连接后登记信息会与区里共享。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="203" />
        <source>Use the &amp;provisioning file from the district</source>
        <translation>使用区里发的配置文件(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="204" />
        <source>Enter the &amp;server address and token</source>
        <translation>填写服务器地址和令牌(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="205" />
        <source>Not now, work &amp;offline</source>
        <translation>暂不连接，离线工作(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="213" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="222" />
        <source>This can be done later: File → Connect to the district server…</source>
        <translation>以后也可以连接：文件 → 连接区服务器…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="232" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="233" />
        <source>Station token</source>
        <translation>驿站令牌</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="255" />
        <source>Provisioning file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="276" />
        <source>Choose the provisioning file.</source>
        <translation>请选择配置文件。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="286" />
        <source>Enter the server address and the token.</source>
        <translation>请填写服务器地址和令牌。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="298" />
        <source>Checking the server and the token…</source>
        <translation>正在检查服务器和令牌…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="310" />
        <source>Connected as %1.</source>
        <translation>已连接，本机为：%1。</translation>
    </message>
</context>
<context>
    <name>FirstRunDonePage</name>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="375" />
        <source>Ready</source>
        <translation>设置完成</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="376" />
        <source>The desk is set up and ready for work.</source>
        <translation>工作台已设置好，可以开始工作了。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="382" />
        <source>Everything can be changed later: File → Station profile…, File → Connect to the district server…</source>
        <translation>以上内容以后都可以修改：文件 → 驿站信息…，文件 → 连接区服务器…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="401" />
        <source>connected to the district server as %1</source>
        <translation>已连接区服务器，本机为 %1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="403" />
        <source>working offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="406" />
        <source>Station: %1 (%2)</source>
        <translation>驿站：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="407" />
        <source>District server: %1</source>
        <translation>区服务器：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="408" />
        <source>Administrator: %1</source>
        <translation>管理员：%1</translation>
    </message>
</context>
<context>
    <name>FirstRunStationPage</name>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="113" />
        <source>Station information</source>
        <translation>驿站信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="114" />
        <source>How the desk, the lobby board and reports name this station.</source>
        <translation>工作台、大厅大屏和报表上显示的本驿站信息。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="119" />
        <source>Station name</source>
        <translation>驿站名称</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="119" />
        <source>e.g. 青山镇零工驿站</source>
        <translation>如 青山镇零工驿站</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="123" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="124" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="125" />
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="125" />
        <source>e.g. 周一至周六 7:30-17:30</source>
        <translation>如 周一至周六 7:30-17:30</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="126" />
        <source>Service hotline</source>
        <translation>服务热线</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="126" />
        <source>e.g. 12333</source>
        <translation>如 12333</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="127" />
        <source>Complaints</source>
        <translation>投诉举报方式</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="127" />
        <source>phone or address</source>
        <translation>电话或地址</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="417" />
        <source>Station Desk: first-time setup</source>
        <translation>驿站工作台 · 首次设置</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="423" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="424" />
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="425" />
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/first_run.py" line="426" />
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
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="39" />
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="41" />
        <source>Importing %1 …</source>
        <translation>正在导入 %1 …</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="49" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="77" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="81" />
        <source>Rows not imported (row, column, reason):</source>
        <translation>未导入的行（行号、列、原因）：</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/import_dialog.py" line="91" />
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
        <location filename="../../src/station_desk/ui/main_window.py" line="120" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="121" />
        <source>&amp;Import ledger…</source>
        <translation>导入台账(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="122" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="126" />
        <source>&amp;Station profile…</source>
        <translation>驿站信息(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="129" />
        <source>&amp;Connect to the district server…</source>
        <translation>连接区服务器(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="131" />
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="133" />
        <source>Sync &amp;record (conflicts and merges)…</source>
        <translation>同步记录（冲突与合并）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="140" />
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="143" />
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="144" />
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="145" />
        <source>&amp;Edit… (Enter)</source>
        <translation>编辑(&amp;E)…（回车）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="147" />
        <source>&amp;Deactivate / close</source>
        <translation>停用/关闭(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="149" />
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="157" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="158" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="159" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="195" />
        <source>&amp;Deactivate worker</source>
        <translation>停用零工(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="195" />
        <source>&amp;Reactivate worker</source>
        <translation>恢复求职(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="197" />
        <source>&amp;Close posting</source>
        <translation>关闭招聘(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="197" />
        <source>&amp;Reopen posting</source>
        <translation>重新开放招聘(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="246" />
        <source>%1  ·  Workers: %2  ·  Employers: %3  ·  Open postings: %4</source>
        <translation>%1  ·  零工 %2 人  ·  用工主体 %3 家  ·  招聘中 %4 条</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="290" />
        <source>Already registered; opened the record.</source>
        <translation>该人员已登记，已打开其档案。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="296" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="300" />
        <source>Please note</source>
        <translation>请注意</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="313" />
        <source>Connected as %1.</source>
        <translation>已连接，本机为：%1。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="350" />
        <source>Deactivate worker</source>
        <translation>停用零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="351" />
        <source>Mark this worker as no longer looking for work? The record is kept.</source>
        <translation>把此人标记为不再求职？档案会保留。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="358" />
        <source>Close posting</source>
        <translation>关闭招聘</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="359" />
        <source>Take this posting off the board?</source>
        <translation>把这条招聘信息撤下？</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="362" />
        <source>All places filled</source>
        <translation>已招满</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="363" />
        <source>Withdrawn</source>
        <translation>撤回（已关闭）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="364" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="375" />
        <source>The worker is looking for work again.</source>
        <translation>已恢复为求职中。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="378" />
        <source>The posting is open again.</source>
        <translation>招聘信息已重新开放。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="387" />
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="389" />
        <source>Ledgers (*.xlsx *.csv)</source>
        <translation>台账文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="402" />
        <location filename="../../src/station_desk/ui/main_window.py" line="421" />
        <location filename="../../src/station_desk/ui/main_window.py" line="432" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="413" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="418" />
        <location filename="../../src/station_desk/ui/main_window.py" line="422" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="433" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="445" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="447" />
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
        <location filename="../../src/station_desk/ui/main_window.py" line="455" />
        <source>Ctrl+M  matches for the selected worker or posting (Enter refers)
F6  referral follow-up, F7  hardship ledger (131), Ctrl+L  log a service
F8  rights cases, F9  tool lending</source>
        <translation>Ctrl+M  为选中的零工或岗位匹配（回车推荐）
F6  推荐跟进，F7  帮扶台账（131），Ctrl+L  记录服务
F8  权益维护，F9  工具借用</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="464" />
        <source>About Station Desk</source>
        <translation>关于驿站工作台</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="466" />
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
    <name>QuickHireDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="47" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="48" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="49" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="50" />
        <source>Interview</source>
        <translation>面试时间</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="51" />
        <source>Why</source>
        <translation>匹配理由</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="53" />
        <source>Same-day quick hire</source>
        <translation>即时快招</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="59" />
        <source>Enter: next step for the selected worker  ·  R: refer  ·  C: confirmed by phone (interview at the time below)  ·  I: interviewed  ·  H: on the job  ·  D: declined  ·  N: no-show  ·  T: interview time  ·  Esc: close</source>
        <translation>回车：选中零工的下一步  ·  R：推荐  ·  C：已电话确认（按下方时间面试）  ·  I：已面试  ·  H：已上岗  ·  D：未录用  ·  N：未到场  ·  T：面试时间  ·  Esc：关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="72" />
        <source>Interview today at (T)</source>
        <translation>今天面试时间（T）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="97" />
        <source>Not referred</source>
        <translation>未推荐</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="98" />
        <source>Referred, call to confirm</source>
        <translation>已推荐，待电话确认</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="99" />
        <source>Confirmed by phone</source>
        <translation>已电话确认</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="100" />
        <source>Interviewed</source>
        <translation>已面试</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="101" />
        <source>On the job</source>
        <translation>已上岗</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="102" />
        <source>Declined</source>
        <translation>未录用</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="103" />
        <source>No-show</source>
        <translation>未到场</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="124" />
        <source>%1 · places left %2 of %3</source>
        <translation>%1 · 还缺 %2 人（共 %3 人）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="127" />
        <source> · from posting to hire: %1 min</source>
        <translation> · 从发布到上岗 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="130" />
        <source> · published %1 min ago</source>
        <translation> · 已发布 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="140" />
        <source>Call %1: %2</source>
        <translation>致电 %1：%2</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="159" />
        <source>This worker is already on the job.</source>
        <translation>该零工已上岗。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="170" />
        <source>Refer this worker first (R).</source>
        <translation>请先推荐该零工（R）。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="186" />
        <source>Referred. Call the worker, then C to record the confirmation.</source>
        <translation>已推荐。请致电零工，确认后按 C 记录。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="188" />
        <source>Confirmed by phone; interview today at %1.</source>
        <translation>已电话确认，今天 %1 面试。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="192" />
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="194" />
        <source>On the job. Places left: %1 of %2.</source>
        <translation>已上岗。该岗位还缺 %1 人（共 %2 人）。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="198" />
        <source> From posting to hire: %1 min.</source>
        <translation>从发布到上岗用时 %1 分钟。</translation>
    </message>
</context>
<context>
    <name>QuickHireMenu</name>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="209" />
        <source>Same-day &amp;quick hire</source>
        <translation>即时快招(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="216" />
        <source>Awaiting referral</source>
        <translation>待推荐</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="217" />
        <source>Referred</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="218" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="219" />
        <source>Interviewed</source>
        <translation>已面试</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="220" />
        <source>On the job</source>
        <translation>已上岗</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="225" />
        <source>%1 — %2, %3 min to hire</source>
        <translation>%1 —— %2，%3 分钟上岗</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="228" />
        <source>%1 — %2, %3 min since published</source>
        <translation>%1 —— %2，已发布 %3 分钟</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/quick_hire.py" line="236" />
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
    <name>SlipDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="52" />
        <source>Referral slip</source>
        <translation>推荐函</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="63" />
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="69" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="76" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="77" />
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="78" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="88" />
        <source>Save referral slip</source>
        <translation>保存推荐函</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="96" />
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="100" />
        <source>Referral slip saved to %1</source>
        <translation>推荐函已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="114" />
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/slip_dialog.py" line="124" />
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
        <location filename="../../src/station_desk/ui/sync_controller.py" line="86" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="91" />
        <source>Syncing: %1 sent</source>
        <translation>正在同步：已上传 %1 条</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="93" />
        <source>Syncing: %1 received</source>
        <translation>正在同步：已下载 %1 条</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="120" />
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="141" />
        <source>Working offline (not connected to the district)</source>
        <translation>离线工作（未连接区服务器）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="147" />
        <source>Sync refused: %1</source>
        <translation>同步被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="151" />
        <source>Offline since %1</source>
        <translation>离线（自 %1）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="155" />
        <location filename="../../src/station_desk/ui/sync_controller.py" line="161" />
        <source>%1 changes waiting to be sent</source>
        <translation>待上传 %1 条</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="159" />
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_controller.py" line="165" />
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
</context>
<context>
    <name>SyncLog</name>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="32" />
        <source>Worker</source>
        <translation>零工</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="33" />
        <source>Employer</source>
        <translation>用工主体</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="34" />
        <source>Posting</source>
        <translation>招聘信息</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="35" />
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="36" />
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="37" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="38" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="39" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="40" />
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="41" />
        <source>Skills</source>
        <translation>专业特长</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="42" />
        <source>Job wanted</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="43" />
        <source>Headcount</source>
        <translation>招聘人数</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="44" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>SyncLogDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="142" />
        <source>Sync record: conflicts and merges</source>
        <translation>同步记录：冲突与合并</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="146" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="146" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="146" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="146" />
        <source>Kept</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="146" />
        <source>Lost</source>
        <translation>未采用的值</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="152" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="174" />
        <source>(this desk)</source>
        <translation>（本机的修改）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="174" />
        <source>(another station)</source>
        <translation>（其他驿站的修改）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="189" />
        <source>same ID number</source>
        <translation>同一身份证号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="190" />
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
        <location filename="../../src/station_desk/ui/work_actions.py" line="41" />
        <source>&amp;Log a service for the selected worker</source>
        <translation>为选中零工记录服务(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="42" />
        <source>&amp;Rights cases</source>
        <translation>权益维护(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="43" />
        <source>&amp;Tool lending</source>
        <translation>工具借用(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="99" />
        <source>Select a worker or a posting first.</source>
        <translation>请先选中一位零工或一个岗位。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="121" />
        <source>Select a worker first.</source>
        <translation>请先选中一位零工。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="46" />
        <source>Quic&amp;k hire for the selected posting</source>
        <translation>为选中岗位即时快招(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="50" />
        <source>&amp;Older-worker age line…</source>
        <translation>大龄线设置…(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="151" />
        <source>Select a quick posting first.</source>
        <translation>请先选中一个即时快招岗位。</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/work_actions.py" line="155" />
        <source>This posting is not marked as a same-day quick hire.</source>
        <translation>该岗位没有标为即时快招。</translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="35" />
        <source>Edit worker</source>
        <translation>修改零工档案</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="35" />
        <source>Register a worker</source>
        <translation>零工求职登记</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="46" />
        <location filename="../../src/station_desk/ui/worker_form.py" line="126" />
        <source>Birth date, sex, age and home region appear here</source>
        <translation>输入后这里显示出生日期、性别、年龄、户籍地</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="54" />
        <source>Open record</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="64" />
        <source>18 characters</source>
        <translation>18位</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="66" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="67" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="69" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="69" />
        <source>mobile or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="72" />
        <source>Skills</source>
        <translation>专业特长</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="72" />
        <source>e.g. 电工、焊工 (pinyin initials work)</source>
        <translation>如 电工、焊工（可输入拼音首字母）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="75" />
        <source>Job wanted</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="75" />
        <source>trades and places wanted</source>
        <translation>想做的工种、想去的地方</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="78" />
        <source>Expected pay</source>
        <translation>期望薪资</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="78" />
        <source>e.g. 200元/天, 4000-5000元/月</source>
        <translation>如 200元/天、4000-5000元/月</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="84" />
        <source>Long wait for work</source>
        <translation>待工时间长</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="85" />
        <source>Low-income family</source>
        <translation>低收入家庭</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="86" />
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="96" />
        <source>Hardship</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="98" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="99" />
        <source>The person was told and agrees to registration</source>
        <translation>已告知本人信息用途，本人同意登记</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="135" />
        <source>Born %1</source>
        <translation>出生 %1</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="137" />
        <source>%1 years old</source>
        <translation>%1岁</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="138" />
        <source>region unknown</source>
        <translation>户籍地未知</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="142" />
        <source>(older worker, counted automatically)</source>
        <translation>（大龄，自动计入）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="147" />
        <source>Already registered: %1 (registered %2)</source>
        <translation>已登记：%1（%2 登记）</translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/worker_form.py" line="199" />
        <source>Tell the person how their data is used and get consent first</source>
        <translation>请先向本人说明信息用途并取得同意</translation>
    </message>
</context>
</TS>