<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>AccessGuard</name>
        <message>
            <source>锁定</source>
            <translation>Lock</translation>
        </message>
        <message>
            <source>{name}（{role}）· 锁定</source>
            <translation>{name} ({role}) · Lock</translation>
        </message>
    </context>
    <context>
        <name>AccountDialog</name>
        <message>
            <source>创建管理员</source>
            <translation>Create the administrator</translation>
        </message>
        <message>
            <source>修改密码</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>添加账户</source>
            <translation>Add account</translation>
        </message>
        <message>
            <source>可选：扫描志愿者证，登录时扫证即可</source>
            <translation>Optional: scan a volunteer card to log in with it</translation>
        </message>
        <message>
            <source>账户名</source>
            <translation>Account name</translation>
        </message>
        <message>
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>证号</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>密码或PIN（至少{count}位）</source>
            <translation>Password or PIN (at least {count} characters)</translation>
        </message>
        <message>
            <source>再输入一次</source>
            <translation>Repeat it</translation>
        </message>
        <message>
            <source>管理员可以编目、导入、剔除、修改设置和管理账户。创建后，每次启动都要登录。</source>
            <translation>The administrator catalogues, imports, withdraws, changes settings and manages accounts. Once created, everyone logs in at start.</translation>
        </message>
        <message>
            <source>您的密码或PIN不到 {count} 位，容易被猜出。请现在改一个至少 {count} 位的；如果稍后再改，下次登录时还会提醒。</source>
            <translation>Your password or PIN has fewer than {count} characters and is easily guessed. Please choose one of at least {count} now; if you do it later, you will be reminded at the next log-in.</translation>
        </message>
        <message>
            <source>两次输入的密码不一致。</source>
            <translation>The two passwords differ.</translation>
        </message>
    </context>
    <context>
        <name>AccountsBox</name>
        <message>
            <source>账户</source>
            <translation>Accounts</translation>
        </message>
        <message>
            <source>账户名</source>
            <translation>Account name</translation>
        </message>
        <message>
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>证号</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>上次登录</source>
            <translation>Last log-in</translation>
        </message>
        <message>
            <source>添加账户…</source>
            <translation>Add account…</translation>
        </message>
        <message>
            <source>修改密码…</source>
            <translation>Change password…</translation>
        </message>
        <message>
            <source>切换角色</source>
            <translation>Switch role</translation>
        </message>
        <message>
            <source>删除…</source>
            <translation>Remove…</translation>
        </message>
        <message>
            <source>没有账户时任何人都可以使用全部功能；有账户后启动时要登录。志愿者只能借还、盘点扫描和书屋日常工作。</source>
            <translation>Without accounts anyone may do everything; with accounts everyone logs in at start. Volunteers lend and return, scan stocktakes and do the room's daily work.</translation>
        </message>
        <message>
            <source>已添加账户“{name}”。</source>
            <translation>Account "{name}" added.</translation>
        </message>
        <message>
            <source>请先选择一个账户。</source>
            <translation>Choose an account first.</translation>
        </message>
        <message>
            <source>已修改“{name}”的密码。</source>
            <translation>The password of "{name}" is changed.</translation>
        </message>
        <message>
            <source>“{name}”现在是{role}。</source>
            <translation>"{name}" is now {role}.</translation>
        </message>
        <message>
            <source>删除账户</source>
            <translation>Remove account</translation>
        </message>
        <message>
            <source>删除账户“{name}”？</source>
            <translation>Remove the account "{name}"?</translation>
        </message>
        <message>
            <source>已删除账户“{name}”。</source>
            <translation>Account "{name}" removed.</translation>
        </message>
    </context>
    <context>
        <name>ActivitiesTab</name>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>活动名称</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>参与人数</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>特色</source>
            <translation>Featured</translation>
        </message>
        <message>
            <source>照片</source>
            <translation>Photos</translation>
        </message>
        <message>
            <source>有特色、可推广的活动</source>
            <translation>A distinctive activity worth spreading</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>New</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>活动照片</source>
            <translation>Activity photos</translation>
        </message>
        <message>
            <source>双击照片用看图程序打开</source>
            <translation>Double-click a photo to open it in the image viewer</translation>
        </message>
        <message>
            <source>添加照片…</source>
            <translation>Add photos…</translation>
        </message>
        <message>
            <source>删除照片</source>
            <translation>Delete photo</translation>
        </message>
        <message>
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>共 {count} 次，参与 {people} 人次，特色活动 {featured} 次</source>
            <translation>{count} activities, {people} participants, {featured} featured</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>删除活动</source>
            <translation>Delete activity</translation>
        </message>
        <message>
            <source>删除这项活动及其照片？</source>
            <translation>Delete this activity and its photos?</translation>
        </message>
        <message>
            <source>已删除。</source>
            <translation>Deleted.</translation>
        </message>
        <message>
            <source>先保存活动，再添加照片。</source>
            <translation>Save the activity first, then add photos.</translation>
        </message>
        <message>
            <source>（照片文件缺失）</source>
            <translation>(photo file missing)</translation>
        </message>
        <message>
            <source>选择活动照片</source>
            <translation>Choose activity photos</translation>
        </message>
        <message>
            <source>图片</source>
            <translation>Images</translation>
        </message>
        <message>
            <source>正在复制照片…</source>
            <translation>Copying photos…</translation>
        </message>
        <message>
            <source>已添加 {n} 张照片。</source>
            <translation>{n} photo(s) added.</translation>
        </message>
    </context>
    <context>
        <name>AddCopiesDialog</name>
        <message>
            <source>加册</source>
            <translation>Add copies</translation>
        </message>
        <message>
            <source>留空则按定价</source>
            <translation>Empty = the list price</translation>
        </message>
        <message>
            <source>按分类号自动选择</source>
            <translation>By class number (automatic)</translation>
        </message>
        <message>
            <source>册数</source>
            <translation>Copies</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>入藏日期</source>
            <translation>Acquired on</translation>
        </message>
        <message>
            <source>单价（元）</source>
            <translation>Unit price (yuan)</translation>
        </message>
        <message>
            <source>书架</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <source>加册并分配条码</source>
            <translation>Add and assign barcodes</translation>
        </message>
    </context>
    <context>
        <name>AdminOffer</name>
        <message>
            <source>还没有账户：任何人都可以使用全部功能。</source>
            <extracomment>Widgets (by objectName) only administrators see.</extracomment>
            <translation>No accounts yet: anyone may do everything.</translation>
        </message>
        <message>
            <source>创建管理员后，启动时需要登录，志愿者只能借还和盘点扫描。</source>
            <translation>Once an administrator exists, everyone logs in at start and volunteers only lend, return and scan stocktakes.</translation>
        </message>
        <message>
            <source>创建管理员…</source>
            <translation>Create administrator…</translation>
        </message>
        <message>
            <source>不再提示</source>
            <translation>Don't ask again</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>操作记录</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Dates</translation>
        </message>
        <message>
            <source>上一页</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>下一页</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>导出…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>第 {first}–{last} 条，共 {total} 条</source>
            <translation>{first}–{last} of {total}</translation>
        </message>
        <message>
            <source>操作记录-{day}.xlsx</source>
            <translation>audit-log-{day}.xlsx</translation>
        </message>
        <message>
            <source>导出操作记录</source>
            <translation>Export the audit log</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>已导出 {count} 条到 {path}</source>
            <translation>Exported {count} lines to {path}</translation>
        </message>
    </context>
    <context>
        <name>BackupBox</name>
        <message>
            <source>备份与恢复</source>
            <translation>Backup and restore</translation>
        </message>
        <message>
            <source>备份到U盘…</source>
            <translation>Back up to a USB drive…</translation>
        </message>
        <message>
            <source>从备份恢复…</source>
            <translation>Restore from a backup…</translation>
        </message>
        <message>
            <source>这个书屋的数据在数据库服务器上，请用服务器的备份工具备份。</source>
            <translation>This room's data is on a database server; back it up with the server's own backup tools.</translation>
        </message>
        <message>
            <source>最近一次：{time}</source>
            <translation>newest: {time}</translation>
        </message>
        <message>
            <source>还没有备份</source>
            <translation>none yet</translation>
        </message>
        <message>
            <source>每天第一次启动、升级、恢复、导入和结束盘点之前，程序都会自动备份到 {folder}（{newest}）。自动备份和数据库在同一块硬盘上，请定期备份到U盘，放在别处保管。</source>
            <translation>At the first start of each day, and before an upgrade, a restore, an import or the end of a stocktake, the program backs up to {folder} ({newest}). Those backups sit on the same disk as the database: back up to a USB drive regularly and keep it somewhere else.</translation>
        </message>
        <message>
            <source>选择U盘或文件夹</source>
            <translation>Choose a USB drive or folder</translation>
        </message>
        <message>
            <source>正在备份…</source>
            <translation>Backing up…</translation>
        </message>
        <message>
            <source>已备份到 {file}（{size} KB，含活动照片 {photos} 张）。请安全弹出U盘后再拔下。</source>
            <translation>Backed up to {file} ({size} KB, with {photos} activity photos). Eject the USB drive safely before unplugging it.</translation>
        </message>
        <message>
            <source>正在检查备份文件…</source>
            <translation>Checking the backup file…</translation>
        </message>
        <message>
            <source>书目 {titles} 种、{copies} 册</source>
            <translation>titles: {titles}, copies: {copies}</translation>
        </message>
        <message>
            <source>（另有 {apart} 册已剔除/遗失、{uncounted} 册属不计入藏书的文献类型）</source>
            <translation> (besides {apart} withdrawn or lost and {uncounted} of a type not counted in the holdings)</translation>
        </message>
        <message>
            <source>（另有 {n} 册已剔除/遗失）</source>
            <translation> (besides {n} withdrawn or lost)</translation>
        </message>
        <message>
            <source>（另有 {n} 册属不计入藏书的文献类型）</source>
            <translation> (besides {n} of a type not counted in the holdings)</translation>
        </message>
        <message>
            <source>书目 {titles} 种，藏书 {volumes} 册{outside}，读者 {readers} 人</source>
            <translation>titles: {titles}; volumes held: {volumes}{outside}; readers: {readers}</translation>
        </message>
        <message>
            <source>用备份“{name}”替换现在的数据？

备份里有：{holdings}，活动照片 {photos} 张。

现在的数据会先备份到 backups 文件夹，需要时还能找回。</source>
            <translation>Replace the current data with the backup "{name}"?

The backup holds: {holdings}, {photos} activity photos.

The current data is first backed up to the backups folder, so it can be got back if needed.</translation>
        </message>
        <message>
            <source>已从“{name}”恢复：{holdings}，活动照片 {photos} 张。恢复前的数据已备份为 {previous}。</source>
            <translation>Restored from "{name}": {holdings}, {photos} activity photos. The data from before the restore was backed up as {previous}.</translation>
        </message>
        <message>
            <source>从备份恢复</source>
            <translation>Restore from a backup</translation>
        </message>
        <message>
            <source>正在恢复…</source>
            <translation>Restoring…</translation>
        </message>
    </context>
    <context>
        <name>BookroomError</name>
        <message>
            <source>分类号不能为空。</source>
            <translation>The class number must not be empty.</translation>
        </message>
        <message>
            <source>分类号“{value}”不在中图法的22个基本大类（A–Z）之中。</source>
            <translation>The class number "{value}" is not in one of the 22 CLC top classes (A–Z).</translation>
        </message>
        <message>
            <source>分类号“{value}”的格式不对（例如 D922.5、TP311.13）。</source>
            <translation>The class number "{value}" is not well formed (e.g. D922.5, TP311.13).</translation>
        </message>
        <message>
            <source>ISBN“{value}”应为10位或13位。</source>
            <translation>The ISBN "{value}" should have 10 or 13 digits.</translation>
        </message>
        <message>
            <source>ISBN“{value}”的校验位不对，请核对。</source>
            <translation>The check digit of ISBN "{value}" is wrong; please check it.</translation>
        </message>
        <message>
            <source>“{value}”不是ISBN（13位ISBN以978或979开头）。</source>
            <translation>"{value}" is not an ISBN (a 13-digit ISBN begins with 978 or 979).</translation>
        </message>
        <message>
            <source>“{field}”不能是负数。</source>
            <extracomment>Fields an administrator should fill before the room's returns make sense.</extracomment>
            <translation>"{field}" cannot be negative.</translation>
        </message>
        <message>
            <source>全总命名年份“{value}”不合理。</source>
            <translation>The ACFTU naming year "{value}" is not plausible.</translation>
        </message>
        <message>
            <source>设置“{key}”的值类型不对。</source>
            <translation>The setting "{key}" has a value of the wrong type.</translation>
        </message>
        <message>
            <source>设置“{key}”只能取这些值：{choices}。</source>
            <translation>The setting "{key}" takes only these values: {choices}.</translation>
        </message>
        <message>
            <source>数据库 {path} 已损坏（{detail}），未作任何改动。没有找到完好的备份。</source>
            <extracomment>The newest migration's revision. Alembic's import costs 0.3 s at every start; a database already at this revision opens without it. tests/store/test_migrate.py checks this equals Alembic's head, so a new migration cannot be forgotten here.</extracomment>
            <translation>The database {path} is damaged ({detail}); nothing was changed. No good backup was found.</translation>
        </message>
        <message>
            <source>数据库 {path} 已损坏（{detail}），未作任何改动。最新的完好备份是 {backup}，可用命令 bookroom-desk restore "{backup}" 恢复。</source>
            <translation>The database {path} is damaged ({detail}); nothing was changed. The newest good backup is {backup}; restore it with: bookroom-desk restore "{backup}"</translation>
        </message>
        <message>
            <source>文件 {path} 不是书屋数据库文件，而是一个压缩文件（也许是一份备份），未作任何改动。如果它是备份，请从备份恢复，不要把它当作数据库打开。</source>
            <translation>The file {path} is not a Bookroom database but a zip file (perhaps a backup); nothing was changed. If it is a backup, restore it into the room instead of opening it as the database.</translation>
        </message>
        <message>
            <source>文件 {path} 不是书屋数据库文件，未作任何改动。请检查选的是不是书屋的数据库文件（.db）。</source>
            <translation>The file {path} is not a Bookroom database; nothing was changed. Check that you chose the room's database file (.db).</translation>
        </message>
        <message>
            <source>无法读取数据库文件 {path}：{detail}，未作任何改动。</source>
            <translation>Cannot read the database file {path}: {detail}; nothing was changed.</translation>
        </message>
        <message>
            <source>数据库 {path} 在网络共享文件夹上。SQLite 数据库文件不能放在网络上共用，否则会损坏。几台电脑共用一个书屋，请改用 PostgreSQL 服务器（见说明书“多台电脑共用”一节）；只用一台电脑，请把数据库放在本机硬盘上。</source>
            <translation>The database {path} is on a network share. A SQLite database file must not be shared over a network, or it will be damaged. For several PCs sharing one room, use a PostgreSQL server (see "Several desks" in the manual); with one PC, keep the database on its own disk.</translation>
        </message>
        <message>
            <source>无法打开数据库 {url}：文件已损坏或不是书屋数据库。（{detail}）</source>
            <translation>Cannot open the database {url}: the file is damaged or is not a reading-room database. ({detail})</translation>
        </message>
        <message>
            <source>{url} 不是书屋管理台的数据库，未作任何改动。</source>
            <translation>{url} is not a Bookroom Desk database; nothing was changed.</translation>
        </message>
        <message>
            <source>这个数据库由更新版本的书屋管理台写入（版本 {revision}），本程序无法使用，未作任何改动。请安装最新版本。</source>
            <translation>This database was written by a newer version of Bookroom Desk (schema {revision}); this version cannot use it and changed nothing. Please install the latest version.</translation>
        </message>
        <message>
            <source>“{code}”含有条码（Code 128）不能表示的字符。</source>
            <extracomment>Narrowest bar a cheap USB scanner reads reliably, and the widest worth printing. Below this many dots per module, snapping to whole dots would distort too much (screen previews).</extracomment>
            <translation>"{code}" has characters a Code 128 barcode cannot hold.</translation>
        </message>
        <message>
            <source>标签纸的行数应在 1 到 40 之间，列数在 1 到 20 之间。</source>
            <translation>A label sheet has 1 to 40 rows and 1 to 20 columns.</translation>
        </message>
        <message>
            <source>标签的宽和高至少 8 毫米，且不能大于纸张。</source>
            <translation>Labels are at least 8 mm wide and high, and no larger than the paper.</translation>
        </message>
        <message>
            <source>边距和间距不能是负数。</source>
            <translation>Margins and gaps cannot be negative.</translation>
        </message>
        <message>
            <source>标签排不下：需要 {width}×{height} 毫米，纸张只有 {page_width}×{page_height} 毫米。</source>
            <translation>The labels do not fit: they need {width}×{height} mm, the paper is {page_width}×{page_height} mm.</translation>
        </message>
        <message>
            <source>自定义标签纸的设置不完整。</source>
            <translation>The custom label sheet's settings are incomplete.</translation>
        </message>
        <message>
            <source>没有名为“{key}”的标签纸，可选：{keys}。</source>
            <translation>There is no label sheet "{key}"; choose one of: {keys}.</translation>
        </message>
        <message>
            <source>册数、读者数和年数都必须是正整数。</source>
            <translation>Volumes, readers and years must all be positive whole numbers.</translation>
        </message>
        <message>
            <source>这个数据库里已经有数据，演示书屋只能建在空数据库中。未作任何改动。</source>
            <translation>This database already holds data; the demo room can only be built in an empty database. Nothing was changed.</translation>
        </message>
        <message>
            <source>请输入要打印的号码。</source>
            <translation>Type the numbers to print.</translation>
        </message>
        <message>
            <source>一次只能打印一个号码范围，或者若干个号码。</source>
            <translation>Print one range at a time, or a list of numbers.</translation>
        </message>
        <message>
            <source>范围“{range}”看不懂，应写成“{example}”。</source>
            <translation>Cannot read the range "{range}"; write it as "{example}".</translation>
        </message>
        <message>
            <source>一次最多打印 {most} 个条码的范围。</source>
            <translation>A range may hold at most {most} barcodes.</translation>
        </message>
        <message>
            <source>没有编号为 {id} 的导入批次。</source>
            <translation>There is no import batch {id}.</translation>
        </message>
        <message>
            <source>没有指定要打印的条码。</source>
            <translation>No barcodes were given to print.</translation>
        </message>
        <message>
            <source>没有这些条码的图书：{codes}</source>
            <translation>No copies have these barcodes: {codes}</translation>
        </message>
        <message>
            <source>没有这些读者：{codes}</source>
            <translation>No such readers: {codes}</translation>
        </message>
        <message>
            <source>范围“{range}”内没有读者。</source>
            <translation>No readers in the range "{range}".</translation>
        </message>
        <message>
            <source>没有这些读者证号：{codes}</source>
            <translation>No readers have these card numbers: {codes}</translation>
        </message>
        <message>
            <source>没有指定要打印的读者。</source>
            <translation>No readers were given to print.</translation>
        </message>
        <message>
            <source>没有这些书架：{codes}</source>
            <translation>No such shelves: {codes}</translation>
        </message>
        <message>
            <source>没有这些书架代码：{codes}</source>
            <translation>No shelves have these codes: {codes}</translation>
        </message>
        <message>
            <source>还没有登记任何书架。</source>
            <translation>No shelves have been entered yet.</translation>
        </message>
        <message>
            <source>类别名称不能为空，最多50个字。</source>
            <translation>A category needs a name of at most 50 characters.</translation>
        </message>
        <message>
            <source>借期应在1到365天之间。</source>
            <translation>The loan period must be between 1 and 365 days.</translation>
        </message>
        <message>
            <source>可借册数应在0到100之间。</source>
            <translation>The number of books a reader may hold must be between 0 and 100.</translation>
        </message>
        <message>
            <source>续借次数应在0到20之间。</source>
            <translation>The number of renewals must be between 0 and 20.</translation>
        </message>
        <message>
            <source>最多预约数应在0到50之间。</source>
            <translation>Most holds at once must be between 0 and 50.</translation>
        </message>
        <message>
            <source>预约保留天数应在1到60之间。</source>
            <translation>Days a hold is kept must be between 1 and 60.</translation>
        </message>
        <message>
            <source>已有名为“{name}”的读者类别。</source>
            <translation>There is already a reader category called "{name}".</translation>
        </message>
        <message>
            <source>找不到该读者类别。</source>
            <translation>This reader category no longer exists.</translation>
        </message>
        <message>
            <source>还有 {count} 位读者属于“{name}”，不能删除该类别。</source>
            <translation>{count} readers still belong to "{name}"; the category cannot be deleted.</translation>
        </message>
        <message>
            <source>读者证号“{card}”不符合编号规则（例如 {example}）。</source>
            <translation>Card number "{card}" does not follow the numbering scheme (for example {example}).</translation>
        </message>
        <message>
            <source>读者证号“{card}”已被使用。</source>
            <translation>Card number "{card}" is already in use.</translation>
        </message>
        <message>
            <source>请填写读者姓名。</source>
            <translation>Please enter the reader's name.</translation>
        </message>
        <message>
            <source>找不到该读者。</source>
            <translation>This reader no longer exists.</translation>
        </message>
        <message>
            <source>{name}还有 {count} 册书未还，请先归还再办理离职。</source>
            <translation>{name} still has {count} books out; return them before marking the reader as left.</translation>
        </message>
        <message>
            <source>第 {row} 行，{column}：{reason}</source>
            <translation>Row {row}, {column}: {reason}</translation>
        </message>
        <message>
            <source>无法读取文件“{name}”：它不是有效的 Excel（.xlsx）或 CSV 表格。{detail}</source>
            <translation>Cannot read "{name}": it is not a valid Excel (.xlsx) or CSV table. {detail}</translation>
        </message>
        <message>
            <source>未导入任何数据：{problem}</source>
            <translation>Nothing was imported: {problem}</translation>
        </message>
        <message>
            <source>这一行的引号（"）没有在本行闭合，下面的行会被读进同一个格子。请删去或补全这个引号。</source>
            <translation>The quote (") in this row is not closed on its line, so the rows below would be read into one cell. Remove or complete the quote.</translation>
        </message>
        <message>
            <source>这一行的引号用法不对（{detail}）。</source>
            <translation>A quote in this row is misused ({detail}).</translation>
        </message>
        <message>
            <source>文件“{name}”是空的。</source>
            <translation>The file "{name}" is empty.</translation>
        </message>
        <message>
            <source>文件“{name}”是旧的 .xls 格式。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。</source>
            <translation>"{name}" is in the old .xls format. Save it as .xlsx in Excel or WPS, then import it.</translation>
        </message>
        <message>
            <source>文件“{name}”中没有任何数据。</source>
            <translation>The file "{name}" holds no data.</translation>
        </message>
        <message>
            <source>文件“{name}”超过 {limit} 行，请分成几个文件导入。</source>
            <extracomment>A file with more data rows than this is refused rather than read into memory. Columns kept per row; anything further right is ignored. Longest text a cell may hold: Excel's own limit, so no list typed in Excel or WPS comes near it. An 8-million-character cell once took minutes (its pinyin was worked out) before anything said no. Most distinct texts (shared strings) a workbook may hold: two or three a row for a list of MAX_ROWS rows. Excel and WPS declare the count, so most oversized files are refused at once; one that hides it is refused after this many strings are read (about a second: 2 million once took 47 s and 686 MB). Most rows a sheet may write (blank ones too) and cells a row may write: Excel's own limits.</extracomment>
            <translation>"{name}" has more than {limit} rows; split it into several files.</translation>
        </message>
        <message>
            <source>文件“{name}”中有超过 {limit} 个字符的格子，这不像书单或名册，没有导入。</source>
            <translation>"{name}" has a cell of more than {limit} characters; it does not look like a book list or roster and was not imported.</translation>
        </message>
        <message>
            <source>文件“{name}”第 {row} 行有超过 {limit} 个字符的格子，这不像书单或名册，没有导入。</source>
            <translation>Row {row} of "{name}" has a cell of more than {limit} characters; it does not look like a book list or roster and was not imported.</translation>
        </message>
        <message>
            <source>文件“{name}”太大（超过 {rows} 行、{cells} 列或 {strings} 个不同的文字），请分成几个文件导入。</source>
            <translation>"{name}" is too large (more than {rows} rows, {cells} columns or {strings} distinct texts); split it into several files.</translation>
        </message>
        <message>
            <source>文件“{name}”的文字编码无法识别。请另存为 UTF-8 或 GBK 编码的 CSV，或 .xlsx。</source>
            <translation>The text encoding of "{name}" is not recognised. Save it as CSV in UTF-8 or GBK, or as .xlsx.</translation>
        </message>
        <message>
            <source>第 {row} 行是空的，不能作为表头。</source>
            <extracomment>Cells this short are kept once per file (see :func:`_keep`).</extracomment>
            <translation>Row {row} is empty and cannot be the header.</translation>
        </message>
        <message>
            <source>没有第 {n} 列。</source>
            <translation>There is no column {n}.</translation>
        </message>
        <message>
            <source>表头中没有“{name}”这一列。</source>
            <translation>The header has no column "{name}".</translation>
        </message>
        <message>
            <source>文件“{name}”中找不到表头（需要的列：{wanted}）。请确认第一张工作表是一张带表头的表格。</source>
            <translation>No header found in "{name}" (columns needed: {wanted}). Make sure the first sheet is a table with a header row.</translation>
        </message>
        <message>
            <source>无法打开文件“{name}”：{detail}</source>
            <translation>Cannot open "{name}": {detail}</translation>
        </message>
        <message>
            <source>无法写入“{path}”：文件可能正在 Excel 或 WPS 中打开，请关闭后再试。</source>
            <translation>Cannot write "{path}": it may be open in Excel or WPS. Close it and try again.</translation>
        </message>
        <message>
            <source>读者证“{card}”未登记。</source>
            <extracomment>The card an erased reader keeps: no scanner produces it, and the card number it replaced is gone.</extracomment>
            <translation>Reader card "{card}" is not registered.</translation>
        </message>
        <message>
            <source>书屋没有设定借阅记录保留年数，不做匿名化。</source>
            <translation>The room keeps loan history for ever (no retention set): nothing is anonymised.</translation>
        </message>
        <message>
            <source>读者证“{card}”还有 {count} 册未还，还书后才能删除个人信息。</source>
            <translation>Reader card "{card}" still has {count} books out: their data can be erased once they are returned.</translation>
        </message>
        <message>
            <source>--batch 只用于图书标签和书标。</source>
            <translation>--batch is for book and spine labels only.</translation>
        </message>
        <message>
            <source>书架标签不能按范围打印，请用 --barcodes 或 --all。</source>
            <translation>Shelf labels cannot be printed by range; use --barcodes or --all.</translation>
        </message>
        <message>
            <source>请用 --batch、--barcodes、--range 或 --all 指定要打印的内容。</source>
            <translation>Say what to print with --batch, --barcodes, --range or --all.</translation>
        </message>
        <message>
            <source>起始位置应在 1 到 {cells} 之间。</source>
            <translation>The start position must be between 1 and {cells}.</translation>
        </message>
        <message>
            <source>没有可打印的标签。</source>
            <translation>There are no labels to print.</translation>
        </message>
        <message>
            <source>无法写入文件“{path}”。</source>
            <translation>Cannot write the file "{path}".</translation>
        </message>
        <message>
            <source>请选择图书来源。</source>
            <translation>Choose where the books came from.</translation>
        </message>
        <message>
            <source>文件“{name}”中没有可导入的图书。</source>
            <translation>"{name}" has no books to import.</translation>
        </message>
        <message>
            <source>数量“{value}”不是 1 到 {most} 之间的整数。</source>
            <extracomment>Most copies one row may ask for.</extracomment>
            <translation>Quantity "{value}" is not a whole number from 1 to {most}.</translation>
        </message>
        <message>
            <source>条码范围“{value}”看不懂。</source>
            <translation>The barcode range "{value}" cannot be understood.</translation>
        </message>
        <message>
            <source>“{value}”不是可选的值（可选：{choices}）。</source>
            <translation>"{value}" is not one of the choices ({choices}).</translation>
        </message>
        <message>
            <source>没有书名。</source>
            <translation>No title.</translation>
        </message>
        <message>
            <source>数量 {quantity} 与给出的条码个数 {count} 不符。</source>
            <translation>Quantity {quantity} does not match the {count} barcodes given.</translation>
        </message>
        <message>
            <source>条码“{code}”不符合本书屋的图书条码规则（{example}），可先在设置中修改条码规则。</source>
            <translation>Barcode "{code}" does not fit this room's book barcode scheme ({example}); the scheme can be changed in Settings first.</translation>
        </message>
        <message>
            <source>条码“{code}”在第 {row} 行已经出现过。</source>
            <translation>Barcode "{code}" already appears in row {row}.</translation>
        </message>
        <message>
            <source>索书号 {call_number} 在文件中已用于另一种书。</source>
            <translation>Call number {call_number} is used for another book in the file.</translation>
        </message>
        <message>
            <source>书架编号最多20个字符。</source>
            <translation>A shelf code has at most 20 characters.</translation>
        </message>
        <message>
            <source>文件“{name}”的表头下面没有数据行。</source>
            <translation>"{name}" has no data rows below its header.</translation>
        </message>
        <message>
            <source>条码“{code}”已被使用。</source>
            <translation>Barcode "{code}" is already in use.</translation>
        </message>
        <message>
            <source>索书号 {call_number} 已用于《{title}》。</source>
            <translation>Call number {call_number} is already used for "{title}".</translation>
        </message>
        <message>
            <source>出版年“{value}”不对（应为四位年份，如 2020）。</source>
            <translation>Publication year "{value}" is wrong (four digits, e.g. 2020).</translation>
        </message>
        <message>
            <source>价格“{value}”不是有效的金额。</source>
            <translation>Price "{value}" is not a valid amount.</translation>
        </message>
        <message>
            <source>价格“{value}”看不出逗号是千位分隔还是小数点，请写成 {whole} 或 {decimal}。</source>
            <translation>In the price "{value}" the comma could separate thousands or decimals; write {whole} or {decimal}.</translation>
        </message>
        <message>
            <source>请填写书名。</source>
            <extracomment>The fields that make a record what it is: two records alike in all of them are one record.
----------
The record's details (besides the fields the catalogue has always had), each a text of TEXT_FIELDS.</extracomment>
            <translation>Enter the title.</translation>
        </message>
        <message>
            <source>“{source}”中没有可载入书目库的书目。</source>
            <translation>"{source}" holds no records to load into the record pool.</translation>
        </message>
        <message>
            <source>ISBN {isbn} 已登记为《{title}》。</source>
            <translation>ISBN {isbn} is already catalogued as "{title}".</translation>
        </message>
        <message>
            <source>请选择图书类别。</source>
            <translation>Choose the kind of book.</translation>
        </message>
        <message>
            <source>请选择文献类型。</source>
            <translation>Choose the material type.</translation>
        </message>
        <message>
            <source>找不到这条书目（可能已被删除）。</source>
            <translation>This title cannot be found (it may have been deleted).</translation>
        </message>
        <message>
            <source>《{title}》还有图书册，不能删除书目；请先剔除各册。</source>
            <translation>"{title}" still has copies, so the title cannot be deleted; withdraw its copies first.</translation>
        </message>
        <message>
            <source>没有条码为 {code} 的图书。</source>
            <translation>No copy has the barcode {code}.</translation>
        </message>
        <message>
            <source>条码“{code}”不符合本书屋的图书条码规则（{example}）。</source>
            <translation>Barcode "{code}" does not fit this room's book barcode scheme ({example}).</translation>
        </message>
        <message>
            <source>条码“{code}”重复了。</source>
            <translation>Barcode "{code}" is repeated.</translation>
        </message>
        <message>
            <source>册数应在 1 到 {most} 之间。</source>
            <translation>The number of copies must be from 1 to {most}.</translation>
        </message>
        <message>
            <source>{code} 正在借出，请先在扫码台办理归还。</source>
            <translation>{code} is on loan; return it at the desk first.</translation>
        </message>
        <message>
            <source>{code} 现在是“{status}”，不能送修。</source>
            <translation>{code} is "{status}" and cannot be sent for repair.</translation>
        </message>
        <message>
            <source>{code} 不在修补中。</source>
            <translation>{code} is not in repair.</translation>
        </message>
        <message>
            <source>请写明原因。</source>
            <translation>Give the reason.</translation>
        </message>
        <message>
            <source>{code} 已经是“{status}”。</source>
            <translation>{code} is already "{status}".</translation>
        </message>
        <message>
            <source>{code} 现在是“{status}”，无需恢复。</source>
            <translation>{code} is "{status}"; there is nothing to reinstate.</translation>
        </message>
        <message>
            <source>{code} 已有借阅或处理记录，不能删除；不再收藏请用“剔除”。</source>
            <extracomment>Events that leave a copy deletable: it was only ever added (or moved) and never used.</extracomment>
            <translation>{code} has loans or other history and cannot be deleted; to drop it from the collection, withdraw it.</translation>
        </message>
        <message>
            <source>找不到这个书架（可能已被删除）。</source>
            <translation>This shelf cannot be found (it may have been deleted).</translation>
        </message>
        <message>
            <source>请填写书架编号。</source>
            <translation>Enter the shelf code.</translation>
        </message>
        <message>
            <source>书架编号 {code} 已经有了。</source>
            <translation>Shelf code {code} already exists.</translation>
        </message>
        <message>
            <source>分类范围的终点 {high} 排在起点 {low} 之前。</source>
            <translation>The end of the class range, {high}, comes before its start, {low}.</translation>
        </message>
        <message>
            <source>书架 {code} 上还有 {count} 册书，请先把它们移到别的书架。</source>
            <translation>Shelf {code} still holds {count} copies; move them to another shelf first.</translation>
        </message>
        <message>
            <source>季度应为 1 到 4，而不是“{value}”。</source>
            <translation>The quarter must be 1 to 4, not "{value}".</translation>
        </message>
        <message>
            <source>结束日期 {end} 早于开始日期 {start}。</source>
            <translation>The end date {end} is before the start date {start}.</translation>
        </message>
        <message>
            <source>“{value}”不是报表期间。</source>
            <translation>"{value}" is not a return period.</translation>
        </message>
        <message>
            <source>日期“{value}”应写成 2026-11-24 的样子（年-月-日）。</source>
            <translation>Write the date "{value}" like 2026-11-24 (year-month-day).</translation>
        </message>
        <message>
            <source>日期“{value}”的月份 {month} 不对：月份应在 1 到 12 之间。</source>
            <translation>The month {month} in the date "{value}" is wrong: a month is 1 to 12.</translation>
        </message>
        <message>
            <source>日期“{value}”的日 {day} 不对：{year} 年 {month} 月只有 {last} 天。</source>
            <translation>The day {day} in the date "{value}" is wrong: month {month} of {year} has only {last} days.</translation>
        </message>
        <message>
            <source>日期范围需要同时给出开始和结束日期（且不能同时指定季度）。</source>
            <translation>A date range needs both a start and an end date (and no quarter).</translation>
        </message>
        <message>
            <source>请指定年份。</source>
            <translation>Please give the year.</translation>
        </message>
        <message>
            <source>年份“{value}”不合理。</source>
            <translation>The year "{value}" is not plausible.</translation>
        </message>
        <message>
            <source>姓名不能为空。</source>
            <translation>The name is empty.</translation>
        </message>
        <message>
            <source>手机号“{value}”不像电话号码。</source>
            <translation>"{value}" does not look like a phone number.</translation>
        </message>
        <message>
            <source>没有名为“{value}”的读者类别（现有：{known}）。</source>
            <translation>There is no reader category "{value}" (there are: {known}).</translation>
        </message>
        <message>
            <source>工号“{value}”与第 {other} 行重复。</source>
            <translation>Employee number "{value}" is repeated from row {other}.</translation>
        </message>
        <message>
            <source>读者证号“{value}”不符合编号规则（例如 {example}）。</source>
            <translation>Card number "{value}" does not follow the numbering scheme (for example {example}).</translation>
        </message>
        <message>
            <source>读者证号“{value}”与第 {other} 行重复。</source>
            <translation>Card number "{value}" is repeated from row {other}.</translation>
        </message>
        <message>
            <source>读者证号“{value}”已属于另一位读者。</source>
            <translation>Card number "{value}" already belongs to another reader.</translation>
        </message>
        <message>
            <source>文件“{name}”中没有读者。</source>
            <translation>There are no readers in "{name}".</translation>
        </message>
        <message>
            <source>无法撤销：这条登记已不存在。</source>
            <translation>Cannot undo: this record no longer exists.</translation>
        </message>
        <message>
            <source>{date}{session}的到馆人数已经登记过了，请在列表中修改那一条。</source>
            <translation>A head count for {date}{session} is already entered: change that one in the list.</translation>
        </message>
        <message>
            <source>请填写“{title}”。</source>
            <translation>Please fill in "{title}".</translation>
        </message>
        <message>
            <source>这条到馆人数记录已不存在。</source>
            <translation>This head count no longer exists.</translation>
        </message>
        <message>
            <source>“{title}”最多 {limit} 个字。</source>
            <translation>"{title}" takes at most {limit} characters.</translation>
        </message>
        <message>
            <source>“{title}”应为整数。</source>
            <translation>"{title}" must be a whole number.</translation>
        </message>
        <message>
            <source>“{title}”不能是负数。</source>
            <translation>"{title}" cannot be negative.</translation>
        </message>
        <message>
            <source>“{title}”不能超过 {maximum}。</source>
            <translation>"{title}" cannot exceed {maximum}.</translation>
        </message>
        <message>
            <source>“{title}”{value}晚于今天。</source>
            <translation>"{title}" {value} is after today.</translation>
        </message>
        <message>
            <source>“{title}”{value}不合理。</source>
            <translation>"{title}" {value} is not plausible.</translation>
        </message>
        <message>
            <source>“{title}”没有“{value}”这一项。</source>
            <translation>"{title}" has no choice "{value}".</translation>
        </message>
        <message>
            <source>“{value}”不是有效的日期，请按 2026-11-24 的格式填写。</source>
            <translation>"{value}" is not a valid date; write it like 2026-11-24.</translation>
        </message>
        <message>
            <source>“{value}”不是有效的时间，请按 17:30 的格式填写。</source>
            <translation>"{value}" is not a valid time; write it like 17:30.</translation>
        </message>
        <message>
            <source>来源“{value}”不对，可选：{choices}。</source>
            <translation>Source "{value}" is wrong; choose from: {choices}.</translation>
        </message>
        <message>
            <source>找不到这项活动（编号 {id}）。</source>
            <translation>Activity {id} not found.</translation>
        </message>
        <message>
            <source>照片记录“{name}”不是照片文件夹里的文件名，已拒绝。</source>
            <extracomment>The only form of name this program stores: ``photos/&lt;activity id&gt;/&lt;file&gt;``, ASCII letters and digits. Windows opens a device, not a file, for these names whatever their suffix.</extracomment>
            <translation>The photo record "{name}" is not a file name inside the photos folder; refused.</translation>
        </message>
        <message>
            <source>找不到照片文件“{name}”。</source>
            <translation>Photo file "{name}" not found.</translation>
        </message>
        <message>
            <source>“{name}”不是支持的照片格式（JPG、PNG、BMP、GIF、WEBP）。</source>
            <translation>"{name}" is not a supported photo format (JPG, PNG, BMP, GIF, WEBP).</translation>
        </message>
        <message>
            <source>照片“{name}”太大（超过 40 MB）。</source>
            <translation>Photo "{name}" is too large (over 40 MB).</translation>
        </message>
        <message>
            <source>“{name}”无法作为图片打开。</source>
            <translation>"{name}" cannot be opened as a picture.</translation>
        </message>
        <message>
            <source>找不到这张照片（编号 {id}）。</source>
            <translation>Photo {id} not found.</translation>
        </message>
        <message>
            <source>已有名为“{name}”的小组。</source>
            <translation>There is already a group named "{name}".</translation>
        </message>
        <message>
            <source>找不到这个小组（编号 {id}）。</source>
            <translation>Group {id} not found.</translation>
        </message>
        <message>
            <source>请扫描或输入读者证号。</source>
            <translation>Scan or type a reader card number.</translation>
        </message>
        <message>
            <source>没有读者证号为“{card}”的读者。</source>
            <translation>No reader has the card "{card}".</translation>
        </message>
        <message>
            <source>读者{name}已离职，不能加入小组。</source>
            <translation>Reader {name} has left and cannot join a group.</translation>
        </message>
        <message>
            <source>{name}已是“{group}”的成员。</source>
            <translation>{name} is already a member of "{group}".</translation>
        </message>
        <message>
            <source>这位读者不是小组成员。</source>
            <translation>This reader is not a member of the group.</translation>
        </message>
        <message>
            <source>找不到这次活动记录（编号 {id}）。</source>
            <translation>Meeting {id} not found.</translation>
        </message>
        <message>
            <source>月份应为 1 到 12。</source>
            <translation>The month must be 1 to 12.</translation>
        </message>
        <message>
            <source>找不到这项计划（编号 {id}）。</source>
            <translation>Plan item {id} not found.</translation>
        </message>
        <message>
            <source>活动“{name}”不在计划的 {year} 年举办，不能用来落实这项计划。</source>
            <translation>Activity "{name}" was not held in {year}, the plan's year, so it cannot carry out this item.</translation>
        </message>
        <message>
            <source>值班卡号“{card}”已给了志愿者{name}。</source>
            <translation>Duty card "{card}" already belongs to volunteer {name}.</translation>
        </message>
        <message>
            <source>“{card}”是读者{name}的读者证，不能作另一人的值班卡。</source>
            <translation>"{card}" is reader {name}'s card and cannot be someone else's duty card.</translation>
        </message>
        <message>
            <source>这位读者已登记为志愿者{name}。</source>
            <translation>This reader is already registered as volunteer {name}.</translation>
        </message>
        <message>
            <source>找不到这位志愿者（编号 {id}）。</source>
            <translation>Volunteer {id} not found.</translation>
        </message>
        <message>
            <source>志愿者{name}已不在册，不能开始值班。</source>
            <translation>Volunteer {name} is no longer registered and cannot start duty.</translation>
        </message>
        <message>
            <source>志愿者{name}已在值班中。</source>
            <translation>Volunteer {name} is already on duty.</translation>
        </message>
        <message>
            <source>志愿者{name}现在没有在值班。</source>
            <translation>Volunteer {name} is not on duty now.</translation>
        </message>
        <message>
            <source>请扫描志愿者的值班卡或读者证。</source>
            <translation>Scan the volunteer's duty card or reader card.</translation>
        </message>
        <message>
            <source>“{code}”不是哪位志愿者的卡。</source>
            <translation>"{code}" is not any volunteer's card.</translation>
        </message>
        <message>
            <source>值班结束时间应晚于开始时间。</source>
            <translation>The end of duty must be after its start.</translation>
        </message>
        <message>
            <source>值班结束时间晚于现在。</source>
            <translation>The end of duty is later than now.</translation>
        </message>
        <message>
            <source>一次值班不能超过 24 小时。</source>
            <translation>A shift cannot be longer than 24 hours.</translation>
        </message>
        <message>
            <source>志愿者{name}在这段时间已有值班记录。</source>
            <translation>Volunteer {name} already has duty recorded in that time.</translation>
        </message>
        <message>
            <source>找不到这次值班（编号 {id}）。</source>
            <translation>Shift {id} not found.</translation>
        </message>
        <message>
            <source>还没有进行过盘点。</source>
            <translation>No stocktake has been made yet.</translation>
        </message>
        <message>
            <source>已有一次盘点（#{id}）正在进行，它的书架范围与 --shelves 不同。请去掉 --shelves 继续它，或先结束它。</source>
            <translation>A stocktake (#{id}) is in progress with other shelves than --shelves. Leave out --shelves to continue it, or finish it first.</translation>
        </message>
        <message>
            <source>没有可汇总的文件。</source>
            <extracomment>Indicators summed over rooms; the rates are recomputed from the summed parts. Rows a return of format version 1 does not have: blank for that room, and its total sums the rooms that have them.</extracomment>
            <translation>There are no files to consolidate.</translation>
        </message>
        <message>
            <source>统计期间是{found}，不是本次汇总的{expected}。</source>
            <translation>Its period is {found}, not {expected}, the period being consolidated.</translation>
        </message>
        <message>
            <source>同一个文件给了两次，只计入一次。</source>
            <translation>The same file was given twice; it is counted once.</translation>
        </message>
        <message>
            <source>与“{other}”是同一书屋（{room}）的报表，未重复计入。</source>
            <translation>A return of the same room ({room}) as "{other}"; not counted twice.</translation>
        </message>
        <message>
            <source>所选文件中没有可读的统计报表：{reasons}</source>
            <translation>None of the chosen files is a readable return: {reasons}</translation>
        </message>
        <message>
            <source>找不到文件。</source>
            <translation>The file was not found.</translation>
        </message>
        <message>
            <source>文件已损坏，或不是 Excel 工作簿（.xlsx）。</source>
            <translation>The file is damaged or is not an Excel workbook (.xlsx).</translation>
        </message>
        <message>
            <source>文件已损坏，无法读取：{detail}</source>
            <translation>The file is damaged and cannot be read: {detail}</translation>
        </message>
        <message>
            <source>不是职工书屋统计报表：文件中没有报表格式标记。</source>
            <translation>Not a reading-room return: the file carries no return format mark.</translation>
        </message>
        <message>
            <source>报表格式版本“{version}”不受本程序支持，请升级程序。</source>
            <translation>Return format version "{version}" is not supported by this program; please upgrade it.</translation>
        </message>
        <message>
            <source>缺少工作表“{sheet}”。</source>
            <translation>The sheet "{sheet}" is missing.</translation>
        </message>
        <message>
            <source>“{label}”没有数值。</source>
            <translation>"{label}" has no value.</translation>
        </message>
        <message>
            <source>“{label}”的数值“{value}”不是数字。</source>
            <translation>The value "{value}" of "{label}" is not a number.</translation>
        </message>
        <message>
            <source>无法识别报表的统计期间。</source>
            <translation>The return's period cannot be recognised.</translation>
        </message>
        <message>
            <source>“基本情况”中缺少指标“{label}”。</source>
            <translation>The indicator "{label}" is missing from "基本情况".</translation>
        </message>
        <message>
            <source>报表中没有书屋名称。</source>
            <translation>The return names no room.</translation>
        </message>
        <message>
            <source>报表记录的借出册数 {value} 不在 0 到藏书总量 {total} 之间。</source>
            <translation>The return's count of copies lent, {value}, is not between 0 and the holdings, {total}.</translation>
        </message>
        <message>
            <source>“藏书分类”各类册数之和 {value} 与藏书总量 {total} 不符。</source>
            <translation>The volumes of "藏书分类" add up to {value}, not to the holdings, {total}.</translation>
        </message>
        <message>
            <source>“藏书分类”中没有分类数据。</source>
            <translation>"藏书分类" holds no class figures.</translation>
        </message>
        <message>
            <source>条码“{code}”已有未还的借阅记录，本次借出未登记。</source>
            <translation>Barcode "{code}" already has an open loan; this loan was not recorded.</translation>
        </message>
        <message>
            <source>无法撤销：条码“{code}”之后又有了新的借还记录。</source>
            <translation>Cannot undo: barcode "{code}" has been lent or returned again since.</translation>
        </message>
        <message>
            <source>找不到编号为 {id} 的盘点。</source>
            <extracomment>The kinds a scan can have; the first five are also result categories.</extracomment>
            <translation>There is no stocktake number {id}.</translation>
        </message>
        <message>
            <source>这次盘点已经结束，不能再扫描。</source>
            <translation>This stocktake is finished; it takes no more scans.</translation>
        </message>
        <message>
            <source>已有一次盘点正在进行，请先完成它。</source>
            <translation>A stocktake is already in progress; finish it first.</translation>
        </message>
        <message>
            <source>请至少选择一个书架。</source>
            <translation>Choose at least one shelf.</translation>
        </message>
        <message>
            <source>这些扫描已在 {date} 由 {by} 从盘点机文件“{file}”载入过这次盘点（{scans} 条）。再载入一次，每条都会再记一遍（算作重复扫描）。</source>
            <translation>These scans were already loaded into this stocktake on {date} by {by}, from the data collector's file "{file}" ({scans} scans). Loading them again records each one a second time (as repeated scans).</translation>
        </message>
        <message>
            <source>没有编号为 {code} 的书架。</source>
            <translation>There is no shelf {code}.</translation>
        </message>
        <message>
            <source>书架 {code} 不在这次盘点的范围内。</source>
            <translation>Shelf {code} is not part of this stocktake.</translation>
        </message>
        <message>
            <source>{code} 是读者证，不是图书条码。</source>
            <translation>{code} is a reader card, not a copy's barcode.</translation>
        </message>
        <message>
            <source>{code} 是封底的 ISBN，不是图书条码。</source>
            <translation>{code} is a back-cover ISBN, not a copy's barcode.</translation>
        </message>
        <message>
            <source>{code} 之前没有书架标签：文件应从书架标签开始，每个书架先扫标签再扫图书。</source>
            <translation>No shelf label before {code}: the file must begin with a shelf label, each shelf's label before its copies.</translation>
        </message>
        <message>
            <source>文件中没有条码。</source>
            <translation>The file holds no barcodes.</translation>
        </message>
        <message>
            <source>无法打开数据采集器文件“{name}”：{detail}</source>
            <translation>Cannot open the data collector file "{name}": {detail}</translation>
        </message>
        <message>
            <source>无法读取数据采集器文件“{name}”：它应是每行一个条码的文本文件（UTF-8 或 GBK 编码）。</source>
            <translation>Cannot read the data collector file "{name}": it should be a text file with one barcode a line (UTF-8 or GBK).</translation>
        </message>
        <message>
            <source>这次盘点已经结束。</source>
            <extracomment>CopyEvent kind written when a stocktake marks a copy 缺失. The actions that lose nothing (the CLI's --finish): misplaced copies are only listed.</extracomment>
            <translation>This stocktake is already finished.</translation>
        </message>
        <message>
            <source>请选择错架图书的处理方式。</source>
            <translation>Choose what to do with misplaced copies.</translation>
        </message>
        <message>
            <source>没有选择要核销的图书。</source>
            <translation>No copies were chosen to write off.</translation>
        </message>
        <message>
            <source>{code} 现在不能核销：它已不是缺失，或缺失还未满等待期。</source>
            <translation>{code} cannot be written off now: it is no longer missing, or the grace period has not passed.</translation>
        </message>
        <message>
            <source>两次输入的密码不一致。</source>
            <translation>The two passwords differ.</translation>
        </message>
        <message>
            <source>备份与恢复命令只用于 SQLite 数据库文件；服务器数据库请用数据库自己的备份工具（如 pg_dump）。</source>
            <translation>Backup and restore are for SQLite database files; back a server database up with its own tools (such as pg_dump).</translation>
        </message>
        <message>
            <source>找不到数据库文件 {path}。</source>
            <translation>Database file {path} not found.</translation>
        </message>
        <message>
            <source>源数据库和目标数据库是同一个。</source>
            <translation>The source and the target are the same database.</translation>
        </message>
        <message>
            <source>书屋管理台的窗口正打开着这个数据库，请先关闭它再恢复。</source>
            <translation>A Bookroom Desk window has this database open; close it before restoring.</translation>
        </message>
        <message>
            <source>密码或PIN不能是空白。</source>
            <extracomment>A stored hash asking for more memory than this is refused rather than computed (a crafted backup could ask for gigabytes); 128 * r * N bytes is what scrypt needs, twice that leaves room for N=2**17. The shortest password or PIN a new account or a changed password may have (blanks around it not counted).</extracomment>
            <translation>A password or PIN cannot be blank.</translation>
        </message>
        <message>
            <source>密码或PIN至少要有 {count} 位。</source>
            <translation>A password or PIN needs at least {count} characters.</translation>
        </message>
        <message>
            <source>没有名为“{name}”的账户。</source>
            <translation>There is no account named "{name}".</translation>
        </message>
        <message>
            <source>账户名不能为空，最多 {count} 个字。</source>
            <translation>An account name is needed, at most {count} characters.</translation>
        </message>
        <message>
            <source>“{name}”留给命令行的操作员，不能用作账户名。</source>
            <translation>"{name}" stands for the command line's operator and cannot be an account name.</translation>
        </message>
        <message>
            <source>证号“{card}”已关联账户“{name}”。</source>
            <translation>Card "{card}" already belongs to account "{name}".</translation>
        </message>
        <message>
            <source>第一个账户必须是管理员。</source>
            <translation>The first account must be an administrator.</translation>
        </message>
        <message>
            <source>角色应为 admin（管理员）或 volunteer（志愿者）。</source>
            <translation>The role is admin or volunteer.</translation>
        </message>
        <message>
            <source>已有名为“{name}”的账户。</source>
            <translation>There is already an account named "{name}".</translation>
        </message>
        <message>
            <source>“{name}”是最后一个管理员，不能删除。</source>
            <translation>"{name}" is the last administrator and cannot be removed.</translation>
        </message>
        <message>
            <source>“{name}”是最后一个管理员，不能改为志愿者。</source>
            <translation>"{name}" is the last administrator and cannot become a volunteer.</translation>
        </message>
        <message>
            <source>账户或密码不对，请再试一次。</source>
            <extracomment>From this wait on, it is a lock-out: told in the message and recorded in the audit log.</extracomment>
            <translation>Wrong account or password. Please try again.</translation>
        </message>
        <message>
            <source>账户或密码不对。连续失败 {count} 次，请 {wait}后再试。</source>
            <translation>Wrong account or password. {count} failures in a row: try again in {wait}.</translation>
        </message>
        <message>
            <source>登录失败次数过多，请 {wait}后再试。</source>
            <translation>Too many failed log-ins: try again in {wait}.</translation>
        </message>
        <message>
            <source>请输入密码或PIN。</source>
            <translation>Please type your password or PIN.</translation>
        </message>
        <message>
            <source>{count} 秒</source>
            <translation>{count} s</translation>
        </message>
        <message>
            <source>{count} 分钟</source>
            <translation>{count} min</translation>
        </message>
        <message>
            <source>账户“{name}”不存在或已停用，请重新登录。</source>
            <translation>Account "{name}" does not exist or is disabled. Please log in again.</translation>
        </message>
        <message>
            <source>只有管理员可以{what}。当前登录的“{name}”是志愿者。</source>
            <translation>Only an administrator may {what}. "{name}", logged in now, is a volunteer.</translation>
        </message>
        <message>
            <source>这个书屋有 {photos} 张活动照片，备份是 zip 文件（数据库和照片），“{name}”的扩展名应为 .zip。什么也没有写入。</source>
            <extracomment>The tables a room database always has; a SQLite file without them is someone else's. What a named backup file may be called: a zip (database and photos) or the SQLite file alone.</extracomment>
            <translation>This room has {photos} activity photos, so the backup is a zip file (database and photos): "{name}" should end in .zip. Nothing was written.</translation>
        </message>
        <message>
            <source>磁盘已满，备份没有写成（{folder}），写了一半的文件已删除，数据库没有改动。请清理磁盘空间后再试。</source>
            <translation>The disk is full: the backup was not written ({folder}); the half-written file was removed and the database was not changed. Free some disk space and try again.</translation>
        </message>
        <message>
            <source>无法写入备份到 {folder}：{detail}</source>
            <translation>Cannot write the backup to {folder}: {detail}</translation>
        </message>
        <message>
            <source>“{name}”不是书屋管理台的备份文件，未作任何改动。</source>
            <translation>"{name}" is not a Bookroom Desk backup; nothing was changed.</translation>
        </message>
        <message>
            <source>备份文件“{name}”已损坏或不完整（{detail}），未作任何改动。</source>
            <translation>The backup file "{name}" is damaged or incomplete ({detail}); nothing was changed.</translation>
        </message>
        <message>
            <source>备份文件“{name}”由更新版本的书屋管理台写入（版本 {revision}），本程序无法使用，未作任何改动。</source>
            <translation>The backup file "{name}" was written by a newer version of Bookroom Desk (schema {revision}); this version cannot use it. Nothing was changed.</translation>
        </message>
        <message>
            <source>找不到备份文件“{name}”。</source>
            <translation>Backup file "{name}" not found.</translation>
        </message>
        <message>
            <source>无法读取备份文件“{name}”：{detail}</source>
            <translation>Cannot read the backup file "{name}": {detail}</translation>
        </message>
        <message>
            <source>恢复时读写文件出错：{detail}</source>
            <translation>A file could not be read or written while restoring: {detail}</translation>
        </message>
        <message>
            <source>数据库正被另一台电脑长时间写入，这次操作没有保存。请稍后再试。</source>
            <extracomment>The key of the PostgreSQL advisory lock that a unit of work holds (its own per database). How many SQLite virtual-machine steps a query runs between two looks at whether it is to stop (see cut_short). What a volunteer is told when the PostgreSQL server refuses a unit of work, by SQLSTATE class or code.</extracomment>
            <translation>Another computer has been writing to the database for a long time; this was not saved. Please try again in a moment.</translation>
        </message>
        <message>
            <source>连不上数据库服务器 {server}，这次操作没有保存（之前保存的都在服务器上）。请检查网络，或请管理员检查服务器。</source>
            <translation>Cannot reach the database server {server}; this was not saved (everything saved before is on the server). Check the network, or ask the administrator to check the server.</translation>
        </message>
        <message>
            <source>数据库服务器资源不足（{detail}），这次操作没有保存。请联系管理员。</source>
            <translation>The database server is short of resources ({detail}); this was not saved. Please contact the administrator.</translation>
        </message>
        <message>
            <source>数据库服务器只允许读取，这次操作没有保存。请联系管理员。</source>
            <translation>The database server allows reading only; this was not saved. Please contact the administrator.</translation>
        </message>
        <message>
            <source>数据库账户没有权限（{detail}），这次操作没有保存。请联系管理员。</source>
            <translation>The database account lacks a permission ({detail}); this was not saved. Please contact the administrator.</translation>
        </message>
        <message>
            <source>连不上数据库服务器 {server}（{detail}）。请检查网络和 --db 或 BOOKROOM_DB 中的地址，或请管理员检查服务器。</source>
            <translation>Cannot reach the database server {server} ({detail}). Check the network and the address in --db or BOOKROOM_DB, or ask the administrator to check the server.</translation>
        </message>
        <message>
            <source>数据库服务器 {server} 拒绝登录（{detail}）。请核对 --db 或 BOOKROOM_DB 中的账户和密码。</source>
            <translation>The database server {server} refused the login ({detail}). Check the account and password in --db or BOOKROOM_DB.</translation>
        </message>
        <message>
            <source>磁盘已满，这次操作没有保存（之前保存的数据都在）。请清理磁盘空间后再试。</source>
            <translation>The disk is full: this action was not saved (everything saved before is kept). Free some disk space and try again.</translation>
        </message>
        <message>
            <source>读写磁盘时出错，这次操作没有保存（之前保存的数据都在）。请检查磁盘或U盘后再试。</source>
            <translation>The disk could not be read or written: this action was not saved (everything saved before is kept). Check the disk or USB drive and try again.</translation>
        </message>
        <message>
            <source>数据库文件已损坏，这次操作没有保存。请关闭程序，重新启动后按提示从备份恢复。</source>
            <translation>The database file is damaged: this action was not saved. Close the program, start it again and restore from a backup as it offers.</translation>
        </message>
        <message>
            <source>数据库文件只能读、不能写，这次操作没有保存。请检查文件夹的权限。</source>
            <translation>The database file can be read but not written: this action was not saved. Check the folder's permissions.</translation>
        </message>
        <message>
            <source>数据库正被另一个程序占用，这次操作没有保存。请稍后再试。</source>
            <translation>Another program is using the database: this action was not saved. Try again in a moment.</translation>
        </message>
        <message>
            <source>目标数据库不是空的（已有 {count} 张表，例如 {example}），未作任何改动。请让管理员新建一个空数据库。</source>
            <translation>The target database is not empty ({count} tables, e.g. {example}); nothing was changed. Ask the administrator for a new, empty database.</translation>
        </message>
        <message>
            <source>复制没有完成，目标数据库仍是空的（{detail}）。</source>
            <translation>The copy did not complete; the target database is still empty ({detail}).</translation>
        </message>
        <message>
            <source>图书条码已用完：{last} 是 {digits} 位数字能编的最后一个号。请在“设置”里加长图书条码的位数，或换一个前缀。</source>
            <translation>Copy barcodes have run out: {last} is the last number {digits} digits can hold. Lengthen the copy barcode digits in Settings, or choose another prefix.</translation>
        </message>
        <message>
            <source>读者证号已用完：{last} 是 {digits} 位数字能编的最后一个号。请在“设置”里加长读者证号的位数，或换一个前缀。</source>
            <translation>Reader card numbers have run out: {last} is the last number {digits} digits can hold. Lengthen the card number digits in Settings, or choose another prefix.</translation>
        </message>
        <message>
            <source>“{label}”的数值“{value}”不是有限的数。</source>
            <extracomment>Figures that are amounts or rates: never below 0. Rates that cannot pass 100 % by their definition (copies lent out of the copies held). Parts (其中) and the whole they belong to: each part, and the parts together, at most the whole. Figures at most another one (the titles held are at most the copies held).</extracomment>
            <translation>The value "{value}" of "{label}" is not a finite number.</translation>
        </message>
        <message>
            <source>“{label}”是 {value}，应为整数。</source>
            <translation>"{label}" is {value}; it must be a whole number.</translation>
        </message>
        <message>
            <source>“{label}”是 {value}，不能小于 0。</source>
            <translation>"{label}" is {value}; it cannot be below 0.</translation>
        </message>
        <message>
            <source>“{label}”是 {value}，应在 0 到 100 之间。</source>
            <translation>"{label}" is {value}; it must lie between 0 and 100.</translation>
        </message>
        <message>
            <source>“{part}”（{value}）大于“{whole}”（{total}）。</source>
            <translation>"{part}" ({value}) is more than "{whole}" ({total}).</translation>
        </message>
        <message>
            <source>“{parts}”合计 {value}，大于“{whole}”（{total}）。</source>
            <translation>"{parts}" add up to {value}, more than "{whole}" ({total}).</translation>
        </message>
        <message>
            <source>磁盘已满，“{path}”没有写成（写了一半的文件已删除，原有的文件不变）。请清理磁盘空间后再试。</source>
            <extracomment>Left-overs of a write that never finished: this module's partial files and those of older versions (``&lt;name&gt;.partial``, openpyxl's ``tmpXXXXXXXX.xlsx``, a restore's ``&lt;db&gt;.restoring``), and scratch folders. Scratch folders: a backup's or a restore's (``bookroom-…``), and a restore trial's ``&lt;db&gt;-XXXXXXXX.restoring``. A left-over is swept only when older than this (seconds): another process may still be writing a fresh one.</extracomment>
            <translation>The disk is full: "{path}" was not written (the half-written file was removed; any earlier file is unchanged). Free some disk space and try again.</translation>
        </message>
        <message>
            <source>没有权限写入“{path}”（文件可能正被别的程序打开，或文件夹不允许写入），什么也没有改动。</source>
            <translation>No permission to write "{path}" (another program may have the file open, or the folder does not allow writing); nothing was changed.</translation>
        </message>
        <message>
            <source>“{path}”所在的磁盘只能读、不能写，什么也没有改动。</source>
            <translation>The disk holding "{path}" is read-only; nothing was changed.</translation>
        </message>
        <message>
            <source>无法写入“{path}”：{detail}（写了一半的文件已删除）。</source>
            <translation>Could not write "{path}": {detail} (the half-written file was removed).</translation>
        </message>
        <message>
            <source>磁盘已满，这次操作没有完成。请清理磁盘空间后再试。</source>
            <translation>The disk is full: this action was not completed. Free some disk space and try again.</translation>
        </message>
        <message>
            <source>读写文件时出错，这次操作没有完成：{detail}</source>
            <translation>A file could not be read or written; this action was not completed: {detail}</translation>
        </message>
        <message>
            <source>文件夹“{folder}”不存在，“{name}”没有保存，也没有新建这个文件夹。请先建好文件夹，或另选一个已有的文件夹。</source>
            <translation>The folder "{folder}" does not exist: "{name}" was not saved, and the folder was not created. Create the folder first, or choose a folder that exists.</translation>
        </message>
        <message>
            <source>“{name}”的扩展名不对：这里写出的是 {suffixes} 文件，请用以 {suffixes} 结尾的文件名。什么也没有写入。</source>
            <translation>"{name}" has the wrong extension: what is written here is a {suffixes} file, so use a file name ending in {suffixes}. Nothing was written.</translation>
        </message>
        <message>
            <source>文件“{file}”中的这些行已在 {date} 导入过（批次 {batch}，{rows} 行），再导入一次会重复登记。</source>
            <translation>The rows of "{file}" were already imported on {date} (batch {batch}, {rows} rows); importing them again would register them twice.</translation>
        </message>
        <message>
            <source>备份文件“{name}”无法作为书屋数据库打开（{detail}），未作任何改动。</source>
            <translation>The backup file "{name}" cannot be opened as a reading room database ({detail}); nothing was changed.</translation>
        </message>
        <message>
            <source>备份文件“{name}”里的数据前后不一致（{detail}），未作任何改动。</source>
            <translation>The data in the backup file "{name}" contradicts itself ({detail}); nothing was changed.</translation>
        </message>
        <message>
            <source>备份文件“{name}”里有指向照片文件夹以外的照片记录（{path}），未作任何改动。</source>
            <translation>The backup file "{name}" has a photo record pointing outside the photos folder ({path}); nothing was changed.</translation>
        </message>
        <message>
            <source>磁盘已满，没有恢复：书屋的数据库没有改动，写了一半的文件已删除。请清理磁盘空间后再试。</source>
            <extracomment>Storage faults that say nothing about the backup: told as they are (the disk, not the file). Imported so every table the program maps is in Base's registry for the smoke read.</extracomment>
            <translation>The disk is full: nothing was restored. The room's database was not changed and the half-written file was removed. Free some disk space and try again.</translation>
        </message>
        <message>
            <source>这一项没有对应文件中的列，不能在这里修改。</source>
            <translation>This field has no column in the file, so it cannot be changed here.</translation>
        </message>
        <message>
            <source>文件中没有第 {row} 行。</source>
            <translation>The file has no row {row}.</translation>
        </message>
        <message>
            <source>没有有问题的行可以保存。</source>
            <translation>There are no rows with problems to save.</translation>
        </message>
        <message>
            <source>没有这个书屋数据库：{path}。要新建书屋，请用 init 命令：bookroom-desk --db {path} init</source>
            <translation>There is no room database at {path}. To start a new room, use the init command: bookroom-desk --db {path} init</translation>
        </message>
        <message>
            <source>文件夹“{folder}”不存在，什么也没有保存，也没有新建这个文件夹。请先建好文件夹，或另选一个已有的文件夹。</source>
            <translation>The folder "{folder}" does not exist: nothing was saved, and the folder was not created. Create the folder first, or choose a folder that exists.</translation>
        </message>
        <message>
            <source>这里已有文件：{path}。init 只新建书屋，不会覆盖已有的文件。</source>
            <translation>A file already exists at {path}. init only creates a new room; it never overwrites a file.</translation>
        </message>
        <message>
            <source>文件中有 {count} 处问题，未导入任何数据。</source>
            <extracomment>The form field the error is about, once :func:`services.catalogue.titles.on_field` has marked it.</extracomment>
            <translation>Nothing was imported: the file has problems in {count} places.</translation>
        </message>
        <message>
            <source>读写“{path}”时出错，这次操作没有完成：{detail}</source>
            <translation>Could not read or write "{path}"; the operation was not done: {detail}</translation>
        </message>
        <message>
            <source>一周每一天都不开放，借出的书就没有应还日期。请至少设一天开放，例如 1-5（周一至周五）。</source>
            <translation>Every day of the week is closed, so loans would never fall due. Open at least one day, e.g. 1-5 (Monday to Friday).</translation>
        </message>
        <message>
            <source>开放日“{value}”写得不对：请用 1（周一）到 7（周日）的数字，例如 1-5 或 1-5,7。</source>
            <translation>The open days "{value}" are not valid: use the numbers 1 (Monday) to 7 (Sunday), e.g. 1-5 or 1-5,7.</translation>
        </message>
        <message>
            <source>开放时间“{value}”写得不对：请写成 11:30-13:30，几段之间用逗号隔开；每段的开始早于结束，各段互不重叠。</source>
            <translation>The opening hours "{value}" are not valid: write them as 11:30-13:30, several sessions separated by commas; each session starts before it ends, and sessions do not overlap.</translation>
        </message>
        <message>
            <source>日期范围 {first}:{last} 不对：结束日期早于开始日期。</source>
            <translation>The date range {first}:{last} is not valid: it ends before it starts.</translation>
        </message>
        <message>
            <source>停馆日期 {day} 的年份不合理：应在 {first} 到 {last} 年之间。</source>
            <translation>The closed date {day} is in an unlikely year: it should be between {first} and {last}.</translation>
        </message>
        <message>
            <source>停馆原因最多 {limit} 个字。</source>
            <translation>A closure's reason can be at most {limit} characters long.</translation>
        </message>
        <message>
            <source>没有名为“{name}”的读者类别。</source>
            <extracomment>The open ISO weekdays as a bit mask (bit d set: weekday d open); NULL when the room has set no week. Whether a closure ends on or after the day bound as ``calendar_today`` (else no due date from it can meet one). The stored value of 逾期天数只计开放日 (JSON), NULL when never set: :func:`open_days_late_in`.</extracomment>
            <translation>There is no reader category named "{name}".</translation>
        </message>
        <message>
            <source>找不到这个停馆日期，可能已被删除。</source>
            <translation>This closed date was not found; it may have been removed already.</translation>
        </message>
        <message>
            <source>{code} 没有借给读者证 {card}，不能由这位读者报告遗失。</source>
            <translation>{code} is not on loan to card {card}, so this reader cannot report it lost.</translation>
        </message>
        <message>
            <source>这笔借阅已经归还或不存在，不能报告遗失。</source>
            <translation>This loan has been returned or no longer exists; it cannot be reported lost.</translation>
        </message>
        <message>
            <source>请选择遗失的处理方式：以书赔书、照价赔偿或免赔。</source>
            <translation>Choose how the loss is settled: replaced by a copy, paid, or waived.</translation>
        </message>
        <message>
            <source>只有照价赔偿才写赔偿金额。</source>
            <translation>An amount is given only when the price is paid.</translation>
        </message>
        <message>
            <source>只有以书赔书才写新书的条码。</source>
            <translation>A new barcode is given only when the book is replaced by a copy.</translation>
        </message>
        <message>
            <source>以书赔书：请扫描或输入赔来的新书的条码。</source>
            <translation>Replaced by a copy: scan or type the barcode of the copy brought in.</translation>
        </message>
        <message>
            <source>这一册没有登记价格，请写明赔偿金额。</source>
            <translation>This copy has no price recorded; enter the amount paid.</translation>
        </message>
        <message>
            <source>赔偿金额应大于 0；不收赔偿请选“免赔”。</source>
            <translation>The amount must be more than 0; if nothing is paid, choose "Waived".</translation>
        </message>
        <message>
            <source>请写明放行的原因。</source>
            <translation>Write down the reason for the override.</translation>
        </message>
        <message>
            <source>请用 -o 指定要写入的文件（.pdf 或 .xlsx）。</source>
            <translation>Name the file to write with -o (.pdf or .xlsx).</translation>
        </message>
        <message>
            <source>催还阶段应从早到晚排列：“{later}”写在了“{earlier}”之前。请按天数从小到大重写，例如 -3,0,7,30。</source>
            <translation>Reminder stages go from earliest to latest: "{later}" is written before "{earlier}". Write them again from the fewest days to the most, for example -3,0,7,30.</translation>
        </message>
        <message>
            <source>催还阶段“{days}”写了两次，每个阶段只能写一次。</source>
            <translation>The reminder stage "{days}" is written twice; each stage can be written only once.</translation>
        </message>
        <message>
            <source>催还阶段“{value}”不是天数。请写相对应还日期的天数，到期前为负数，例如 -3,0,7,30。</source>
            <translation>The reminder stage "{value}" is not a number of days. Write days relative to the due date, negative before it, for example -3,0,7,30.</translation>
        </message>
        <message>
            <source>催还阶段“{days}”不合理：应在到期前 {earliest} 天到逾期 {latest} 天之间。</source>
            <translation>The reminder stage "{days}" makes no sense: it should be between {earliest} days before the due date and {latest} days overdue.</translation>
        </message>
        <message>
            <source>至少要设一个催还阶段，例如 -3,0,7,30。</source>
            <translation>Set at least one reminder stage, for example -3,0,7,30.</translation>
        </message>
        <message>
            <source>催还阶段最多 {most} 个，现在有 {count} 个。</source>
            <translation>At most {most} reminder stages; there are {count}.</translation>
        </message>
        <message>
            <source>催还阶段“{days}”的名称太长（最多 {most} 个字）。</source>
            <translation>The name of the reminder stage "{days}" is too long (at most {most} characters).</translation>
        </message>
        <message>
            <source>没有“{stage}”这个催还阶段。现有的阶段是：{stages}。</source>
            <translation>There is no reminder stage "{stage}". The stages are: {stages}.</translation>
        </message>
        <message>
            <source>催还方式应为 letter、list 或 workbook，而不是“{how}”。</source>
            <translation>The way a reminder is given should be letter, list or workbook, not "{how}".</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>“{value}”不是日期或日期范围：请写成 2026-10-01 或 2026-10-01:2026-10-07。</source>
            <translation>"{value}" is not a date or a date range: write it 2026-10-01 or 2026-10-01:2026-10-07.</translation>
        </message>
        <message>
            <source>文件“{name}”中没有任何日期。</source>
            <translation>The file "{name}" has no dates in it.</translation>
        </message>
        <message>
            <source>书屋没有《{title}》的藏书，不能预约。</source>
            <translation>The room holds no copy of "{title}", so it cannot be put on hold.</translation>
        </message>
        <message>
            <source>“{code}”不是本书屋的ISBN或图书条码，找不到要预约的书目。</source>
            <translation>"{code}" is neither an ISBN nor a copy barcode of this room; no title found to hold.</translation>
        </message>
        <message>
            <source>{name}已离职，不能预约。</source>
            <translation>{name} has left, so cannot place holds.</translation>
        </message>
        <message>
            <source>{name}的读者证已停用，不能预约。</source>
            <translation>{name}'s card is suspended, so cannot place holds.</translation>
        </message>
        <message>
            <source>{name}已经预约了《{title}》，不能重复预约。</source>
            <translation>{name} already has a hold on "{title}"; a second one is not placed.</translation>
        </message>
        <message>
            <source>{name}已有 {count} 个预约，达到“{category}”的上限 {max} 个。</source>
            <translation>{name} has {count} holds, the most "{category}" allows ({max}).</translation>
        </message>
        <message>
            <source>找不到编号为 {id} 的预约。</source>
            <translation>There is no hold number {id}.</translation>
        </message>
        <message>
            <source>预约 {id} 已经是“{state}”，不能取消。</source>
            <translation>Hold {id} is already "{state}" and cannot be cancelled.</translation>
        </message>
        <message>
            <source>预约 {id} 现在没有保留的书（{state}），没有预约条可打印。</source>
            <translation>Hold {id} has no copy kept now ({state}), so there is no hold slip to print.</translation>
        </message>
        <message>
            <source>没有正题名。</source>
            <translation>There is no title proper.</translation>
        </message>
        <message>
            <source>第 {record} 条记录，{field}：{reason}</source>
            <extracomment>The suffixes of the files read here.</extracomment>
            <translation>Record {record}, {field}: {reason}</translation>
        </message>
        <message>
            <source>文件中没有 MARC 记录。</source>
            <translation>The file holds no MARC records.</translation>
        </message>
        <message>
            <source>没有题名字段（CNMARC 的 200 或 MARC 21 的 245），不像一条图书书目记录。</source>
            <translation>There is no title field (200 in CNMARC, 245 in MARC 21): this does not look like a bibliographic record of a book.</translation>
        </message>
        <message>
            <source>字段中有一个子字段代码不是可见的 ASCII 字符。</source>
            <translation>A subfield code in the field is not a visible ASCII character.</translation>
        </message>
        <message>
            <source>记录中有按 {charset} 读不出的字符，字符集标记与实际编码不符。</source>
            <translation>The record has bytes that cannot be read as {charset}: its character set mark does not match its encoding.</translation>
        </message>
        <message>
            <source>记录的字段内容不符合 ISO 2709 格式。</source>
            <translation>The record's fields do not follow the ISO 2709 format.</translation>
        </message>
        <message>
            <source>头标区</source>
            <translation>leader</translation>
        </message>
        <message>
            <source>记录只有 {size} 字节，连 24 字节的头标区都不完整，可能被截断了。</source>
            <translation>The record has only {size} bytes, less than its 24-byte leader: it may have been cut off.</translation>
        </message>
        <message>
            <source>头标区开头的记录长度不是 5 位数字，这不是 ISO 2709 格式的 MARC 记录。</source>
            <translation>The record length at the start of the leader is not 5 digits: this is not a MARC record in ISO 2709.</translation>
        </message>
        <message>
            <source>头标区写明记录长 {declared} 字节，实际是 {actual} 字节：记录被截断或长度写错了。</source>
            <translation>The leader gives a record length of {declared} bytes, but the record has {actual}: it was cut off or its length is wrong.</translation>
        </message>
        <message>
            <source>头标区中的数据基地址“{base}”不对：目录之后不是字段区的开头。</source>
            <translation>The base address of data "{base}" in the leader is wrong: the fields do not start after the directory.</translation>
        </message>
        <message>
            <source>目录</source>
            <translation>directory</translation>
        </message>
        <message>
            <source>目录的第 {entry} 项“{text}”不是“字段号、长度、起始位置”。</source>
            <translation>Entry {entry} of the directory, "{text}", is not a tag, a length and a starting position.</translation>
        </message>
        <message>
            <source>目录中这个字段的长度或起始位置不对（目录按字节计）：字段不在所写的位置结束。</source>
            <translation>The directory gives this field a wrong length or starting position (the directory counts bytes): the field does not end where it says.</translation>
        </message>
        <message>
            <source>记录中没有任何字段。</source>
            <translation>The record has no fields.</translation>
        </message>
        <message>
            <source>记录没有写明字符集（100 $a 第 26–29 位），而内容又不是 UTF-8，无法判断编码。</source>
            <extracomment>CNMARC character-set codes (100 $a/26–29, two codes of two positions) and how the record is decoded.</extracomment>
            <translation>The record does not give its character set (100 $a positions 26-29), and it is not UTF-8: its encoding cannot be told.</translation>
        </message>
        <message>
            <source>不支持的字符集“{code}”（100 $a 第 26–29 位）：能读的是 0120（GB 2312，按 GB18030 读）和 50（UTF-8）。</source>
            <translation>Character set "{code}" (100 $a positions 26-29) is not supported: 0120 (GB 2312, read as GB18030) and 50 (UTF-8) can be read.</translation>
        </message>
        <message>
            <source>文件不是格式正确的 XML，无法按 MARCXML 读取：{detail}</source>
            <translation>The file is not well-formed XML and cannot be read as MARCXML: {detail}</translation>
        </message>
        <message>
            <source>这个 XML 文件不是 MARCXML：没有 collection 或 record 元素。</source>
            <translation>This XML file is not MARCXML: it has no collection or record element.</translation>
        </message>
        <message>
            <source>字段号“{tag}”不是 3 位字段号。</source>
            <translation>Tag "{tag}" is not a 3-character tag.</translation>
        </message>
        <message>
            <source>子字段代码“{code}”不是一个字符。</source>
            <translation>Subfield code "{code}" is not one character.</translation>
        </message>
        <message>
            <source>不支持的编码“{encoding}”：可选 utf-8 或 gb18030。</source>
            <extracomment>Barcodes in one 905 field: a field's length has four digits (at most 9,999 bytes). A CNMARC leader: a new (n) record of printed text (a) for a monograph (m), ISBD form (i).</extracomment>
            <translation>Encoding "{encoding}" is not supported: choose utf-8 or gb18030.</translation>
        </message>
        <message>
            <source>字段 {tag} 太长，超过 ISO 2709 的 9999 字节。</source>
            <translation>Field {tag} is too long: over the 9999 bytes of ISO 2709.</translation>
        </message>
        <message>
            <source>记录太长，超过 ISO 2709 的 99999 字节。</source>
            <translation>The record is too long: over the 99999 bytes of ISO 2709.</translation>
        </message>
        <message>
            <source>没有第 {batch} 批导入。</source>
            <translation>There is no import batch {batch}.</translation>
        </message>
        <message>
            <source>不支持的格式“{format}”：可选 iso 或 xml。</source>
            <translation>Format "{format}" is not supported: choose iso or xml.</translation>
        </message>
        <message>
            <source>记录没有馆藏（905 $b 登录号），作为到书导入时每条记录都要有所到的册。</source>
            <extracomment>Where each of those comes from in a CNMARC and in a MARC 21 record, named in the problems.</extracomment>
            <translation>The record has no holdings (accession numbers in 905 $b): imported as a delivery, every record needs the copies received.</translation>
        </message>
        <message>
            <source>{label}（ID {id}）</source>
            <translation>{label} (ID {id})</translation>
        </message>
        <message>
            <source>有 {count} 行可能与已有书目重复，请逐行决定后再导入；未导入任何数据。</source>
            <translation>Nothing was imported: {count} rows may be titles already catalogued; decide each one, then import.</translation>
        </message>
        <message>
            <source>可能与已有书目重复：{candidates}。请选择加到其中一种，或作为新书目。</source>
            <translation>May be a title already catalogued: {candidates}. Choose the one to add the copies to, or a new title.</translation>
        </message>
        <message>
            <source>选择的书目 ID {chosen} 不是这一行的候选（候选：{candidates}）。</source>
            <translation>The title ID {chosen} chosen is not one of this row's candidates (candidates: {candidates}).</translation>
        </message>
        <message>
            <source>分类号 {low}–{high} 的索书号已经是连续的种次号，没有要改的。</source>
            <translation>The call numbers of classes {low}–{high} already run 1, 2, 3 …; there is nothing to change.</translation>
        </message>
        <message>
            <source>预览之后书目有了改动（有人编目或改了索书号），请重新预览再应用。</source>
            <translation>Titles changed after the preview (someone catalogued or changed a call number). Preview again, then apply.</translation>
        </message>
        <message>
            <source>没有名为“{name}”的报表。可用的报表：{names}</source>
            <translation>There is no report called "{name}". The reports: {names}</translation>
        </message>
        <message>
            <source>请给出报表名称，或用 --list 列出全部报表。可用的报表：{names}</source>
            <translation>Name a report, or list them all with --list. The reports: {names}</translation>
        </message>
        <message>
            <source>报表“{name}”没有 {option} 选项。</source>
            <translation>The report "{name}" has no {option} option.</translation>
        </message>
        <message>
            <source>{option} 应为正整数，而不是“{value}”。</source>
            <translation>{option} should be a positive whole number, not "{value}".</translation>
        </message>
        <message>
            <source>文件夹“{path}”里已有别的文件，不是以前发布的书目。为免覆盖，什么也没有写入。请选一个空文件夹或新文件夹。</source>
            <extracomment>The page's own files, copied as they are. Titles in one data file: at 100,000 titles 50 files of about 400 KB, each parsed in a few milliseconds. New arrivals: the last NEW_DAYS days up to the publishing day, at most NEW_LIMIT titles. The files a gzip copy is written beside (_precompress). The last line of a search text when it lists the Chinese pairs (search_index.cjk_pairs: '红楼|楼梦|').</extracomment>
            <translation>The folder "{path}" holds other files and is not an earlier published catalogue. Nothing was written, so nothing is overwritten. Choose an empty or a new folder.</translation>
        </message>
        <message>
            <source>“{path}”是一个文件，不是文件夹，什么也没有写入。</source>
            <translation>"{path}" is a file, not a folder; nothing was written.</translation>
        </message>
        <message>
            <source>文件夹“{folder}”不存在，什么也没有写入，也没有新建这个文件夹。请先建好它，或另选一个已有的文件夹。</source>
            <translation>The folder "{folder}" does not exist; nothing was written and no folder was made. Make it first, or choose a folder that exists.</translation>
        </message>
        <message>
            <source>--to 要与 --from 同用：请给出期间的开始日期。</source>
            <translation>--to goes with --from: give the first day of the period too.</translation>
        </message>
        <message>
            <source>没有第 {batch} 批导入，请在“导入配送清单”的记录里查看批次号。</source>
            <extracomment>The longest period a notice covers by --days (ten years): more is a typing slip.</extracomment>
            <translation>There is no import batch {batch}. See the batch numbers in the records of "Import delivery list".</translation>
        </message>
        <message>
            <source>天数应在 1 到 {most} 之间，而不是“{value}”。</source>
            <translation>The number of days should be from 1 to {most}, not "{value}".</translation>
        </message>
        <message>
            <source>开始日期 {start} 晚于结束日期 {end}，请对调后再试。</source>
            <translation>The first day {start} is after the last day {end}. Swap them and try again.</translation>
        </message>
        <message>
            <source>网址“{url}”不对：应以 http:// 或 https:// 开头，中间不能有空格，例如 https://example.org/shuwu/。</source>
            <translation>The address "{url}" is not right: it should begin with http:// or https:// and have no spaces, for example https://example.org/shuwu/.</translation>
        </message>
        <message>
            <source>请给出新书通报的期间（开始和结束日期）、最近几天，或一个导入批次。</source>
            <translation>Give the new-book notice a period (first and last day), a number of recent days, or an import batch.</translation>
        </message>
    </context>
    <context>
        <name>CalendarTab</name>
        <message>
            <source>每周开放</source>
            <translation>Open every week</translation>
        </message>
        <message>
            <source>开放日</source>
            <translation>Open day</translation>
        </message>
        <message>
            <source>开放时间（如 11:30-13:30,17:00-19:00）</source>
            <translation>Hours (e.g. 11:30-13:30,17:00-19:00)</translation>
        </message>
        <message>
            <source>保存开放时间</source>
            <translation>Save opening hours</translation>
        </message>
        <message>
            <source>逾期天数只计开放日</source>
            <translation>Count overdue days in open days only</translation>
        </message>
        <message>
            <source>勾选：逾期天数只算应还日期之后的开放日，周五到期、下周一归还算逾期 1 天；不勾选：按日历天数计算（算 3 天）。</source>
            <translation>On: a loan due on Friday and returned on Monday is 1 day overdue (only the open days after the due date count). Off: calendar days (3 days).</translation>
        </message>
        <message>
            <source>点一天，选它停馆或恢复开馆；按住 Shift 再点一天，选到那天为止。</source>
            <translation>Click a day to close or reopen it; Shift+click a second day to take the days up to it.</translation>
        </message>
        <message>
            <source>停馆日期</source>
            <translation>Closed dates</translation>
        </message>
        <message>
            <source>原因，如 国庆节、盘点</source>
            <translation>Reason, e.g. holiday</translation>
        </message>
        <message>
            <source>停馆</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>恢复开馆</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <source>从</source>
            <translation>From</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>删除所选</source>
            <translation>Delete selected</translation>
        </message>
        <message>
            <source>从列表导入…</source>
            <translation>Import from a list…</translation>
        </message>
        <message>
            <source>.xlsx、.csv 或 .txt 文件，每行一个日期或范围：2026-10-01,国庆节 或 2026-10-01:2026-10-07,国庆节</source>
            <translation>An .xlsx, .csv or .txt file with one date or range per line: 2026-10-01,National Day or 2026-10-01:2026-10-07,National Day</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>到</source>
            <translation>To</translation>
        </message>
        <message>
            <source>天数</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>书屋信息中的开放时间：{text}</source>
            <translation>Opening hours in the room's profile: {text}</translation>
        </message>
        <message>
            <source>还没有设开放时间：每天开放。</source>
            <translation>No opening hours set yet: open every day.</translation>
        </message>
        <message>
            <source>{days} 个开放日</source>
            <translation>{days} open days</translation>
        </message>
        <message>
            <source>{days} 天</source>
            <translation>{days} days</translation>
        </message>
        <message>
            <source>今天借出的书（{category}，{unit}）应还日期：{due}</source>
            <translation>A book lent today ({category}, {unit}) is due on {due}</translation>
        </message>
        <message>
            <source>停馆：{reason}</source>
            <translation>Closed: {reason}</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>已保存：逾期天数只计开放日。</source>
            <translation>Saved: overdue days count open days only.</translation>
        </message>
        <message>
            <source>已保存：逾期天数按日历天数计算。</source>
            <translation>Saved: overdue days count calendar days.</translation>
        </message>
        <message>
            <source>已设为停馆。</source>
            <translation>Closed.</translation>
        </message>
        <message>
            <source>已恢复开馆。</source>
            <translation>Reopened.</translation>
        </message>
        <message>
            <source>请先在列表中选一段停馆日期。</source>
            <translation>Select a closure in the list first.</translation>
        </message>
        <message>
            <source>已删除。</source>
            <translation>Deleted.</translation>
        </message>
        <message>
            <source>选择停馆日期列表</source>
            <translation>Choose a list of closed dates</translation>
        </message>
        <message>
            <source>日期列表 (*.xlsx *.csv *.txt);;所有文件 (*)</source>
            <translation>Date lists (*.xlsx *.csv *.txt);;All files (*)</translation>
        </message>
        <message>
            <source>已导入 {count} 段停馆日期。</source>
            <translation>Imported {count} closures.</translation>
        </message>
    </context>
    <context>
        <name>CataloguePage</name>
        <message>
            <source>书名、著者、出版社、ISBN、索书号、条码，或拼音首字母（如 hlm）；扫ISBN可查找或新编</source>
            <extracomment>Milliseconds of typing pause before the list follows the search text. Matches counted at most; beyond it the page says "more than".</extracomment>
            <translation>Title, author, publisher, ISBN, call number, barcode, or pinyin initials (e.g. hlm); scan an ISBN to find or start a title</translation>
        </message>
        <message>
            <source>最新在前</source>
            <translation>Newest first</translation>
        </message>
        <message>
            <source>按索书号</source>
            <translation>By call number</translation>
        </message>
        <message>
            <source>新编书目</source>
            <translation>New title</translation>
        </message>
        <message>
            <source>导入配送清单…</source>
            <translation>Import delivery list…</translation>
        </message>
        <message>
            <source>导出目录…</source>
            <translation>Export catalogue…</translation>
        </message>
        <message>
            <source>重编种次号…</source>
            <translation>Renumber…</translation>
        </message>
        <message>
            <source>打印标签…</source>
            <translation>Print labels…</translation>
        </message>
        <message>
            <source>新编书目（Ctrl+N）</source>
            <translation>New title (Ctrl+N)</translation>
        </message>
        <message>
            <source>书目与图书</source>
            <translation>Titles and copies</translation>
        </message>
        <message>
            <source>书架</source>
            <translation>Shelves</translation>
        </message>
        <message>
            <source>发布与通报…</source>
            <translation>Publish and notices…</translation>
        </message>
        <message>
            <source>发布书目网页、打印书屋海报、写新书通报</source>
            <translation>Publish the catalogue as web pages, print the room's poster, write a new-book notice</translation>
        </message>
        <message>
            <source>藏书</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <source>共 {n} 种</source>
            <translation>Titles: {n}</translation>
        </message>
        <message>
            <source>超过 {n} 种</source>
            <translation>Titles: more than {n}</translation>
        </message>
        <message>
            <source>MARC 记录，UTF-8 (*.mrc)</source>
            <translation>MARC records, UTF-8 (*.mrc)</translation>
        </message>
        <message>
            <source>MARC 记录，GB18030（供只认国标编码的系统） (*.iso)</source>
            <translation>MARC records, GB18030 (for systems that read only the national encoding) (*.iso)</translation>
        </message>
        <message>
            <source>MARCXML (*.xml)</source>
            <translation>MARCXML (*.xml)</translation>
        </message>
        <message>
            <source>导出藏书目录</source>
            <translation>Export catalogue</translation>
        </message>
        <message>
            <source>藏书目录.xlsx</source>
            <translation>catalogue.xlsx</translation>
        </message>
        <message>
            <source>已导出 {records} 条 MARC 记录（{copies} 册）到 {path}。</source>
            <translation>Exported {records} MARC records ({copies} copies) to {path}.</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>已导出 {titles} 种、{copies} 册到 {path}。</source>
            <translation>Exported {titles} titles and {copies} copies to {path}.</translation>
        </message>
    </context>
    <context>
        <name>CategoriesTab</name>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>借期（天）</source>
            <translation>Loan period (days)</translation>
        </message>
        <message>
            <source>最多可借（册）</source>
            <translation>Books at once</translation>
        </message>
        <message>
            <source>可续借（次）</source>
            <translation>Renewals</translation>
        </message>
        <message>
            <source>逾期停借</source>
            <translation>Overdue blocks</translation>
        </message>
        <message>
            <source>最多预约（种）</source>
            <translation>Most holds</translation>
        </message>
        <message>
            <source>预约保留（天）</source>
            <translation>Hold kept (days)</translation>
        </message>
        <message>
            <source>新增类别</source>
            <translation>New category</translation>
        </message>
        <message>
            <source>修改</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>否</source>
            <translation>No</translation>
        </message>
        <message>
            <source>{days}（开放日）</source>
            <translation>{days} (open days)</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>已删除。</source>
            <translation>Deleted.</translation>
        </message>
    </context>
    <context>
        <name>CategoryDialog</name>
        <message>
            <source>修改读者类别</source>
            <translation>Edit reader category</translation>
        </message>
        <message>
            <source>新增读者类别</source>
            <translation>New reader category</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>借期（天）</source>
            <translation>Loan period (days)</translation>
        </message>
        <message>
            <source>最多可借（册）</source>
            <translation>Books at once</translation>
        </message>
        <message>
            <source>可续借（次）</source>
            <translation>Renewals</translation>
        </message>
        <message>
            <source>有逾期未还的书时不能再借</source>
            <translation>No new loans while a book is overdue</translation>
        </message>
        <message>
            <source>按开放日计借期</source>
            <translation>Count loan days in open days</translation>
        </message>
        <message>
            <source>借期只数书屋开放的日子（见书屋工作 → 开放日历）；不勾选则按日历天数计，应还日期遇停馆日顺延到下一个开放日。</source>
            <translation>Loan days count only the days the room opens (see Room work → Opening calendar); unticked, they are calendar days and a due date on a closed day moves to the next open day.</translation>
        </message>
        <message>
            <source>最多预约（种）</source>
            <translation>Most holds at once</translation>
        </message>
        <message>
            <source>预约保留（天）</source>
            <translation>Ready hold kept (days)</translation>
        </message>
    </context>
    <context>
        <name>CopiesPanel</name>
        <message>
            <source>条码号</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>书架</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <source>入藏日期</source>
            <translation>Acquired</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>价格</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>注销原因</source>
            <translation>Reason removed</translation>
        </message>
        <message>
            <source>加册…</source>
            <translation>Add copies…</translation>
        </message>
        <message>
            <source>移架…</source>
            <translation>Move…</translation>
        </message>
        <message>
            <source>送修</source>
            <translation>Send for repair</translation>
        </message>
        <message>
            <source>修好上架</source>
            <translation>Back from repair</translation>
        </message>
        <message>
            <source>剔除…</source>
            <translation>Withdraw…</translation>
        </message>
        <message>
            <source>遗失…</source>
            <translation>Lost…</translation>
        </message>
        <message>
            <source>恢复</source>
            <translation>Reinstate</translation>
        </message>
        <message>
            <source>历史</source>
            <translation>History</translation>
        </message>
        <message>
            <source>删除误加…</source>
            <translation>Delete mistake…</translation>
        </message>
        <message>
            <source>打印标签</source>
            <translation>Print labels</translation>
        </message>
        <message>
            <source>已处理 {n} 册。</source>
            <translation>Done for {n} copies.</translation>
        </message>
        <message>
            <source>已加 {n} 册，条码 {first} 至 {last}。</source>
            <translation>Added {n} copies, barcodes {first} to {last}.</translation>
        </message>
        <message>
            <source>还没有书架，请先在“书架”页添加。</source>
            <translation>There are no shelves yet; add them on the Shelves tab first.</translation>
        </message>
        <message>
            <source>移架</source>
            <translation>Move</translation>
        </message>
        <message>
            <source>移到哪个书架：</source>
            <translation>Move to shelf:</translation>
        </message>
        <message>
            <source>原因（必填）：</source>
            <translation>Reason (required):</translation>
        </message>
        <message>
            <source>剔除</source>
            <translation>Withdraw</translation>
        </message>
        <message>
            <source>遗失</source>
            <translation>Lost</translation>
        </message>
        <message>
            <source>删除误加的册</source>
            <translation>Delete copies added by mistake</translation>
        </message>
        <message>
            <source>删除选中的 {n} 册？只用于刚刚误加、从未借出的册；不再收藏的书请用“剔除”。</source>
            <translation>Delete the {n} selected copies? Only for copies just added by mistake and never lent; for books leaving the collection use Withdraw.</translation>
        </message>
        <message>
            <source>没有记录。</source>
            <translation>No records.</translation>
        </message>
        <message>
            <source>{code} 的历史</source>
            <translation>History of {code}</translation>
        </message>
    </context>
    <context>
        <name>CountingView</name>
        <message>
            <source>先扫书架标签，再逐册扫描图书条码（扫码或输入后按回车）</source>
            <extracomment>Lines kept in the list of recent scans.</extracomment>
            <translation>Scan a shelf label, then each copy's barcode (scan, or type and press Enter)</translation>
        </message>
        <message>
            <source>载入盘点机文件…</source>
            <translation>Load data collector file…</translation>
        </message>
        <message>
            <source>导出盘点报告…</source>
            <translation>Export stocktake report…</translation>
        </message>
        <message>
            <source>查看结果并结束盘点…</source>
            <translation>Review results and finish…</translation>
        </message>
        <message>
            <source>全部书架</source>
            <translation>all shelves</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>盘点 #{id} 进行中（{scope}），开始于 {at}。每次扫描都已立即保存，可随时关闭程序，下次接着盘点。</source>
            <translation>Stocktake #{id} in progress ({scope}), started {at}. Every scan is saved at once: close the program at any time and carry on next time.</translation>
        </message>
        <message>
            <source>请先扫描书架标签（SJ-…）</source>
            <translation>Scan a shelf label (SJ-…) first</translation>
        </message>
        <message>
            <source>当前书架：{code} {name}</source>
            <translation>Current shelf: {code} {name}</translation>
        </message>
        <message>
            <source>应在架 {expected} 册，已扫描 {scanned} 个条码，尚未找到 {remaining} 册</source>
            <translation>{expected} copies expected, {scanned} barcodes scanned, {remaining} not yet found</translation>
        </message>
        <message>
            <source>扫描书架标签开始盘点这个书架。</source>
            <translation>Scan a shelf label to start counting that shelf.</translation>
        </message>
        <message>
            <source>载入盘点机文件</source>
            <translation>Load data collector file</translation>
        </message>
        <message>
            <source>文本文件 (*.txt *.csv *.dat);;所有文件 (*)</source>
            <translation>Text files (*.txt *.csv *.dat);;All files (*)</translation>
        </message>
        <message>
            <source>正在载入盘点机文件…</source>
            <translation>Loading the data collector file…</translation>
        </message>
        <message>
            <source>再载入一次？</source>
            <translation>Load it again?</translation>
        </message>
        <message>
            <source>确实要再载入一次吗？</source>
            <translation>Load it once more anyway?</translation>
        </message>
        <message>
            <source>已从盘点机文件载入 {n} 条扫描。</source>
            <translation>Loaded {n} scans from the data collector file.</translation>
        </message>
    </context>
    <context>
        <name>CustomSheetEditor</name>
        <message>
            <source>自定义标签纸（毫米）</source>
            <translation>Custom label sheet (mm)</translation>
        </message>
        <message>
            <source>列数</source>
            <translation>Columns</translation>
        </message>
        <message>
            <source>行数</source>
            <translation>Rows</translation>
        </message>
        <message>
            <source>标签宽</source>
            <translation>Label width</translation>
        </message>
        <message>
            <source>标签高</source>
            <translation>Label height</translation>
        </message>
        <message>
            <source>左边距</source>
            <translation>Left margin</translation>
        </message>
        <message>
            <source>上边距</source>
            <translation>Top margin</translation>
        </message>
        <message>
            <source>横向间距</source>
            <translation>Gap across</translation>
        </message>
        <message>
            <source>纵向间距</source>
            <translation>Gap down</translation>
        </message>
        <message>
            <source>保存为书屋的自定义标签纸</source>
            <translation>Save as the room's custom sheet</translation>
        </message>
    </context>
    <context>
        <name>DailyBackup</name>
        <message>
            <source>今天的自动备份没有成功：{reason}</source>
            <extracomment>How long after the window is shown the backup begins: the window is ready to scan by then.</extracomment>
            <translation>Today's automatic backup failed: {reason}</translation>
        </message>
        <message>
            <source>请检查磁盘空间和备份文件夹，或在“设置”中备份到U盘。</source>
            <translation>Check the free disk space and the backups folder, or back up to a USB drive under Settings.</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>名次</source>
            <translation>Rank</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>借出（册次）</source>
            <translation>Loans</translation>
        </message>
        <message>
            <source>借阅最多的图书（前20种）</source>
            <translation>Most-lent titles (top 20)</translation>
        </message>
    </context>
    <context>
        <name>DeskPage</name>
        <message>
            <source>{name}本次借的 {count} 册：凭条已送往打印机“{printer}”。</source>
            <translation>{name}, {count} lent in this visit: the slip was sent to the printer "{printer}".</translation>
        </message>
        <message>
            <source>{name}本次借的 {count} 册：没有可用的打印机，凭条已保存为 {path}</source>
            <translation>{name}, {count} lent in this visit: no printer is available, so the slip was saved as {path}</translation>
        </message>
        <message>
            <source>{name}本次借的凭条没有打印：{message}</source>
            <translation>The slip for {name}'s visit was not printed: {message}</translation>
        </message>
        <message>
            <source>请扫描读者证或图书条码</source>
            <translation>Scan a reader card or a book barcode</translation>
        </message>
        <message>
            <source>扫码或输入条码后按回车</source>
            <translation>Scan, or type a barcode and press Enter</translation>
        </message>
        <message>
            <source>打印借阅凭条 (Ctrl+P)</source>
            <translation>Print loan slip (Ctrl+P)</translation>
        </message>
        <message>
            <source>上架… (F8)</source>
            <translation>Shelve… (F8)</translation>
        </message>
        <message>
            <source>选一个书架，再逐本扫描放到这个书架的图书；扫描书架标签也一样。</source>
            <translation>Choose a shelf, then scan each book that goes on it; scanning the shelf's label does the same.</translation>
        </message>
        <message>
            <source>阅览登记 (F6)</source>
            <translation>Reading room (F6)</translation>
        </message>
        <message>
            <source>逐本扫描在室内阅读的图书，登记阅览而不借出；可先扫描读者证。</source>
            <translation>Scan each book read in the room: it is recorded as read, not lent. Scan a reader's card first if they have one.</translation>
        </message>
        <message>
            <source>入馆登记 (F7)</source>
            <translation>Visits (F7)</translation>
        </message>
        <message>
            <source>逐个扫描来馆读者的读者证，登记入馆人次。</source>
            <translation>Scan the card of each reader who comes in, to count visits.</translation>
        </message>
        <message>
            <source>F5 续借选中的书　Ctrl+R 全部续借　↑↓ 选择借阅　Esc 关闭读者　F9 确认提示的操作　F10 管理员放行　Ctrl+Z 撤销上一笔　Ctrl+P 打印凭条　F8 上架　F6 阅览登记　F7 入馆登记　Ctrl+Shift+P 打印预约条</source>
            <translation>F5 renew selected   Ctrl+R renew all   ↑↓ select a loan   Esc close reader   F9 confirm the offer   F10 administrator override   Ctrl+Z undo last   Ctrl+P print slip   F8 shelve   F6 reading room   F7 visits   Ctrl+Shift+P print hold slip</translation>
        </message>
        <message>
            <source>管理员放行…</source>
            <translation>Administrator override...</translation>
        </message>
        <message>
            <source>放行的原因（记入操作记录和读者的借阅历史）：</source>
            <translation>Reason for the override (kept in the audit log and the reader's history):</translation>
        </message>
        <message>
            <source>{code}　{name}</source>
            <translation>{code}  {name}</translation>
        </message>
        <message>
            <source>上架</source>
            <translation>Shelve</translation>
        </message>
        <message>
            <source>把图书放到哪个书架？</source>
            <translation>Which shelf do the books go on?</translation>
        </message>
        <message>
            <source>阅览模式：扫描的图书登记为室内阅读，不借出。按 Esc 结束。</source>
            <translation>Reading room: books you scan are recorded as read in the room, not lent. Press Esc to stop.</translation>
        </message>
        <message>
            <source>入馆模式：扫描读者证登记入馆。按 Esc 结束。</source>
            <translation>Visits: scan readers' cards to record their visits. Press Esc to stop.</translation>
        </message>
        <message>
            <source>上架模式：扫描的图书放到书架 {shelf}。按 Esc 结束上架。</source>
            <translation>Shelving: books you scan go on shelf {shelf}. Press Esc to stop shelving.</translation>
        </message>
    </context>
    <context>
        <name>DigitalAccessBox</name>
        <message>
            <source>数字阅读服务：职工开通方式</source>
            <translation>Digital reading service: how workers get access</translation>
        </message>
        <message>
            <source>例如：扫描书屋门口二维码，用工会会员卡号登录电子职工书屋</source>
            <translation>e.g. scan the QR code at the door and sign in to the e-reading room with the union member number</translation>
        </message>
        <message>
            <source>保存开通方式</source>
            <translation>Save access</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>DutyHoursBox</name>
        <message>
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>{n}月</source>
            <translation>M{n}</translation>
        </message>
        <message>
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>次数</source>
            <translation>Shifts</translation>
        </message>
        <message>
            <source>年份</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>全年值班 {hours} 小时</source>
            <translation>{hours} hours on duty this year</translation>
        </message>
    </context>
    <context>
        <name>DutyLogBox</name>
        <message>
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>End</translation>
        </message>
        <message>
            <source>小时</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>补登值班</source>
            <translation>Enter a past shift</translation>
        </message>
        <message>
            <source>删除选中的值班</source>
            <translation>Delete selected shift</translation>
        </message>
        <message>
            <source>年份</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>值班中</source>
            <translation>On duty</translation>
        </message>
        <message>
            <source>请先登记志愿者。</source>
            <translation>Register a volunteer first.</translation>
        </message>
        <message>
            <source>已补登 {date} 的值班。</source>
            <translation>Shift of {date} entered.</translation>
        </message>
    </context>
    <context>
        <name>DutyScanBox</name>
        <message>
            <source>值班签到</source>
            <translation>Duty sign-in</translation>
        </message>
        <message>
            <source>扫描志愿者的值班卡或读者证，开始或结束值班</source>
            <translation>Scan a volunteer's duty card or reader card to start or end duty</translation>
        </message>
        <message>
            <source>{name} 开始值班（{time}）。</source>
            <translation>{name} started duty ({time}).</translation>
        </message>
        <message>
            <source>{name} 结束值班（{time}），本次 {hours} 小时。</source>
            <translation>{name} ended duty ({time}): {hours} hours.</translation>
        </message>
        <message>
            <source>{name}（{time} 起）</source>
            <translation>{name} (since {time})</translation>
        </message>
        <message>
            <source>正在值班：{names}</source>
            <translation>On duty: {names}</translation>
        </message>
        <message>
            <source>现在没有人在值班。</source>
            <translation>Nobody is on duty now.</translation>
        </message>
    </context>
    <context>
        <name>FeedbackPanel</name>
        <message>
            <source>请扫描读者证借书；不打开读者直接扫描图书条码即为还书。</source>
            <extracomment>The panel grows to its wrapped lines' height once it is at least this wide, and never beyond the cap.</extracomment>
            <translation>Scan a reader card to lend; a book scanned with no reader open is returned.</translation>
        </message>
        <message>
            <source>{n}. {barcode}  {status}</source>
            <translation>{n}. {barcode}  {status}</translation>
        </message>
        <message>
            <source>（{name}在借）</source>
            <translation> (on loan to {name})</translation>
        </message>
        <message>
            <source>→ 预约架：留给 {name} {card}，保留到 {date}</source>
            <translation>→ Hold shelf: for {name} {card}, kept until {date}</translation>
        </message>
        <message>
            <source>{code}（{name}）</source>
            <translation>{code} ({name})</translation>
        </message>
        <message>
            <source>→ 书架 {shelf}　索书号 {call_number}</source>
            <translation>→ Shelf {shelf}   call number {call_number}</translation>
        </message>
        <message>
            <source>→ 书架 {shelf}</source>
            <translation>→ Shelf {shelf}</translation>
        </message>
        <message>
            <source>→ 索书号 {call_number}（这一册还没有分配书架）</source>
            <translation>→ Call number {call_number} (this copy has no shelf yet)</translation>
        </message>
        <message>
            <source>→ 这一册还没有分配书架，也没有索书号</source>
            <translation>→ This copy has no shelf and no call number yet</translation>
        </message>
    </context>
    <context>
        <name>FirstStartChecklist</name>
        <message>
            <source>填写书屋信息（名称、工会、开放时间等）</source>
            <extracomment>step -&gt; (what it says, the page it opens)</extracomment>
            <translation>Fill in the room profile (name, union, opening hours…)</translation>
        </message>
        <message>
            <source>建立书架</source>
            <translation>Set up the shelves</translation>
        </message>
        <message>
            <source>确定借阅规则（借期、可借册数）</source>
            <translation>Set the loan rules (loan period, books per reader)</translation>
        </message>
        <message>
            <source>导入图书（配送清单或旧账册）</source>
            <translation>Import the books (a delivery list or an old ledger)</translation>
        </message>
        <message>
            <source>导入或登记读者</source>
            <translation>Import or register the readers</translation>
        </message>
        <message>
            <source>打印书标和读者证</source>
            <translation>Print book labels and reader cards</translation>
        </message>
        <message>
            <source>开始使用：完成下面几步，书屋就可以借还图书了（扫码随时可用）。</source>
            <translation>Getting started: after these steps the room can lend and take back books (scanning works all along).</translation>
        </message>
        <message>
            <source>一键建立22个大类书架（A01–Z01）</source>
            <translation>Create 22 shelves, one per CLC class (A01–Z01)</translation>
        </message>
        <message>
            <source>不再显示</source>
            <translation>Don't show again</translation>
        </message>
        <message>
            <source>已建立 {n} 个书架，可在“藏书 › 书架”中修改名称和位置。</source>
            <translation>Created {n} shelves; rename or move them under Catalogue › Shelves.</translation>
        </message>
    </context>
    <context>
        <name>GroupsTab</name>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>负责人</source>
            <translation>Leader</translation>
        </message>
        <message>
            <source>成员</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>活动次数</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>最近活动</source>
            <translation>Last meeting</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>仍在活动</source>
            <translation>Still meeting</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>New</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>扫描或输入读者证号后按回车，加入小组</source>
            <translation>Scan or type a reader card and press Enter to add a member</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Card no.</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>加入日期</source>
            <translation>Joined</translation>
        </message>
        <message>
            <source>移出小组</source>
            <translation>Remove from group</translation>
        </message>
        <message>
            <source>小组活动</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>记录活动</source>
            <translation>Record meeting</translation>
        </message>
        <message>
            <source>删除选中的活动</source>
            <translation>Delete selected meeting</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>主题</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>参加人数</source>
            <translation>Attendees</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>活动中</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>已停止</source>
            <translation>Stopped</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>删除小组</source>
            <translation>Delete group</translation>
        </message>
        <message>
            <source>删除这个小组及其成员名单和活动记录？不再活动的小组也可以只取消“仍在活动”。</source>
            <translation>Delete this group with its members list and meetings? A group that no longer meets can simply be unticked "Still meeting".</translation>
        </message>
        <message>
            <source>{name} 已加入。</source>
            <translation>{name} joined.</translation>
        </message>
        <message>
            <source>已记录。</source>
            <translation>Recorded.</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>盘点</source>
            <translation>Stocktake</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Started</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>Finished</translation>
        </message>
        <message>
            <source>范围</source>
            <translation>Shelves</translation>
        </message>
        <message>
            <source>应在架</source>
            <translation>Expected</translation>
        </message>
        <message>
            <source>核对无误</source>
            <translation>Verified</translation>
        </message>
        <message>
            <source>缺失</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>错架</source>
            <translation>Misplaced</translation>
        </message>
        <message>
            <source>其他异常</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>进行中</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>全部书架</source>
            <translation>All shelves</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>HoldSlipButton</name>
        <message>
            <source>打印预约条 (Ctrl+Shift+P)</source>
            <translation>Print hold slip (Ctrl+Shift+P)</translation>
        </message>
        <message>
            <source>打印夹在书里的预约条：读者、部门、电话、书名、条码和保留到哪一天。</source>
            <translation>Print the slip to put in the book: the reader, department, phone, title, barcode and the day it is kept until.</translation>
        </message>
        <message>
            <source>现在没有要打印的预约条：还回的书留给预约的读者时才有。</source>
            <translation>No hold slip to print now: there is one when a returned copy is kept for a reader's hold.</translation>
        </message>
        <message>
            <source>预约条没有打印：{message}</source>
            <translation>The hold slip was not printed: {message}</translation>
        </message>
        <message>
            <source>{card} 的预约条已送往打印机“{printer}”。</source>
            <translation>The hold slip for {card} was sent to the printer "{printer}".</translation>
        </message>
        <message>
            <source>没有可用的打印机，{card} 的预约条已保存为 {path}</source>
            <translation>No printer is available, so the hold slip for {card} was saved as {path}</translation>
        </message>
    </context>
    <context>
        <name>HoldsTab</name>
        <message>
            <source>待取（已到书）</source>
            <translation>Ready for pickup</translation>
        </message>
        <message>
            <source>等待中</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>已过期</source>
            <translation>Expired</translation>
        </message>
        <message>
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <source>取消预约</source>
            <translation>Cancel hold</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Card no.</translation>
        </message>
        <message>
            <source>书名、作者或ISBN</source>
            <translation>Title, author or ISBN</translation>
        </message>
        <message>
            <source>查找</source>
            <translation>Find</translation>
        </message>
        <message>
            <source>预约</source>
            <translation>Place hold</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>读者</source>
            <translation>Reader</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>手机</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>预约时间</source>
            <translation>Placed</translation>
        </message>
        <message>
            <source>保留到</source>
            <translation>Kept until</translation>
        </message>
        <message>
            <source>排队</source>
            <translation>Queue</translation>
        </message>
        <message>
            <source>新预约：</source>
            <translation>New hold:</translation>
        </message>
        <message>
            <source>共 {count} 个预约</source>
            <translation>Holds: {count}</translation>
        </message>
        <message>
            <source>{count} 个预约过了保留期，已标为过期。</source>
            <translation>{count} holds were past their pickup day and are now expired.</translation>
        </message>
        <message>
            <source>没有找到书目。</source>
            <translation>No title found.</translation>
        </message>
        <message>
            <source>已为{name}预约《{title}》，排第 {position} 位。</source>
            <translation>Hold placed for {name} on "{title}", number {position} in the queue.</translation>
        </message>
        <message>
            <source>请先选中要取消的预约。</source>
            <translation>Select the hold to cancel first.</translation>
        </message>
        <message>
            <source>已取消预约 {id}。</source>
            <translation>Hold {id} cancelled.</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>导入配送清单</source>
            <translation>Import delivery list</translation>
        </message>
        <message>
            <source>选择配送清单、旧账册（.xlsx 或 .csv）或 MARC 记录（.iso .mrc .xml）</source>
            <translation>Choose a delivery list, an old ledger (.xlsx or .csv) or MARC records (.iso .mrc .xml)</translation>
        </message>
        <message>
            <source>选择文件…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>如 全国工会职工书屋图书配送中心</source>
            <translation>e.g. the ACFTU reading-room book distribution centre</translation>
        </message>
        <message>
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>供货单位</source>
            <translation>Supplier</translation>
        </message>
        <message>
            <source>到书日期</source>
            <translation>Received on</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>文件中的列</source>
            <translation>Column in the file</translation>
        </message>
        <message>
            <source>列的对应（可修改）</source>
            <translation>Columns (can be changed)</translation>
        </message>
        <message>
            <source>只看有问题的行</source>
            <translation>Only rows with problems</translation>
        </message>
        <message>
            <source>请先选择文件。</source>
            <translation>Choose a file first.</translation>
        </message>
        <message>
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>打印本批标签…</source>
            <translation>Print this batch's labels…</translation>
        </message>
        <message>
            <source>另存有问题的行…</source>
            <translation>Save rows with problems…</translation>
        </message>
        <message>
            <source>把有问题的行连同原表头和问题说明存成一个表格，改好后再导入</source>
            <translation>Save the rows with problems, with the file's header and what is wrong, to a workbook; correct it and import it again</translation>
        </message>
        <message>
            <source>只载入书目库…</source>
            <translation>Records only…</translation>
        </message>
        <message>
            <source>共享的书目（MARC 或导出的目录）只载入书目库，不建书目和册，供扫 ISBN 时填表</source>
            <translation>Load shared records (MARC or an exported catalogue) into the record pool only, making no titles or copies: an ISBN scan then fills the new-title form</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>选择配送清单</source>
            <translation>Choose delivery list</translation>
        </message>
        <message>
            <source>表格 (*.xlsx *.csv *.txt);;MARC 记录 (*.iso *.mrc *.marc *.xml);;所有文件 (*)</source>
            <translation>Tables (*.xlsx *.csv *.txt);;MARC records (*.iso *.mrc *.marc *.xml);;All files (*)</translation>
        </message>
        <message>
            <source>正在读取文件…</source>
            <translation>Reading the file…</translation>
        </message>
        <message>
            <source>找不到“{names}”这一列：请在左边为它选择文件中的列。</source>
            <translation>No column for "{names}": choose its column on the left.</translation>
        </message>
        <message>
            <source>正在检查每一行…</source>
            <translation>Checking every row…</translation>
        </message>
        <message>
            <source>（不导入）</source>
            <translation>(not imported)</translation>
        </message>
        <message>
            <source>第 {n} 列</source>
            <translation>Column {n}</translation>
        </message>
        <message>
            <source>共 {rows} 行，其中 {bad} 行有问题（标红），共 {count} 处。双击单元格直接改正，或另存有问题的行改好后再导入，或在左边调整列的对应。有问题时不会导入任何一行。</source>
            <translation>{rows} rows, {bad} of them with problems (in red), {count} in all. Double-click a cell to correct it, or save the rows with problems to correct and import again, or change the column mapping on the left. While there are problems, no row is imported.</translation>
        </message>
        <message>
            <source>共 {rows} 行，检查通过，但其中 {count} 种书可能与已有书目重复（标黄）：请双击“书目”一列，为每一种选择加到哪条已有书目，或作为新书目，然后导入。</source>
            <translation>{rows} rows checked, but {count} of the books may be titles already catalogued (in yellow): double-click the Title column and choose, for each, the title to add the copies to or a new title; then import.</translation>
        </message>
        <message>
            <source>共 {rows} 行，检查通过：将导入 {titles} 种（其中新书目 {new} 种）、{copies} 册。</source>
            <translation>{rows} rows, all fine: {titles} titles ({new} new) and {copies} copies will be imported.</translation>
        </message>
        <message>
            <source>另存有问题的行</source>
            <translation>Save rows with problems</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>已把 {count} 行有问题的行存到 {path}：改好后选择这个文件再导入。</source>
            <translation>Saved {count} rows with problems to {path}: correct them, then choose that file to import.</translation>
        </message>
        <message>
            <source>放弃修改？</source>
            <translation>Discard changes?</translation>
        </message>
        <message>
            <source>预览中改过的内容还没有导入，关闭后就没有了。确实要关闭吗？</source>
            <translation>The changes made in the preview have not been imported and will be lost. Close anyway?</translation>
        </message>
        <message>
            <source>注意：这些行已在 {date} 导入过（批次 {batch}，{rows} 行）。</source>
            <translation>Note: these rows were already imported on {date} (batch {batch}, {rows} rows).</translation>
        </message>
        <message>
            <source>再导入一次？</source>
            <translation>Import again?</translation>
        </message>
        <message>
            <source>再导入一次，每种书的册数会再增加一遍。确实要再导入吗？</source>
            <translation>Importing them again adds every title's copies once more. Import them again anyway?</translation>
        </message>
        <message>
            <source>正在导入…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>已导入 {titles} 种、{copies} 册（新书目 {new} 种），批次 {batch}。</source>
            <translation>Imported in batch {batch}: titles {titles} (new {new}), copies {copies}.</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewModel</name>
        <message>
            <source>行号</source>
            <extracomment>The combo's first entry for a row not decided yet: choosing it, or leaving the combo, stores no decision.</extracomment>
            <translation>Row</translation>
        </message>
        <message>
            <source>问题</source>
            <translation>Problems</translation>
        </message>
        <message>
            <source>书目</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>ISBN</source>
            <translation>ISBN</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>著者</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>分类号</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>索书号</source>
            <translation>Call number</translation>
        </message>
        <message>
            <source>条码号</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书架</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <source>册数</source>
            <translation>Copies</translation>
        </message>
        <message>
            <source>可能重复，请选择（{count} 个候选）</source>
            <translation>May be catalogued: choose ({count} candidates)</translation>
        </message>
        <message>
            <source>新书目</source>
            <translation>New title</translation>
        </message>
        <message>
            <source>请选择…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>加到已有书目《{title}》</source>
            <translation>Add to the title "{title}"</translation>
        </message>
        <message>
            <source>{label}（ID {id}）</source>
            <translation>{label} (ID {id})</translation>
        </message>
    </context>
    <context>
        <name>LabelDialog</name>
        <message>
            <source>打印标签</source>
            <translation>Print labels</translation>
        </message>
        <message>
            <source>自定义标签纸…</source>
            <translation>Custom sheet…</translation>
        </message>
        <message>
            <source>印出标签边框（先在白纸上试印，对着标签纸检查位置）</source>
            <translation>Print the label edges (try on plain paper first, hold it against a sheet)</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>保存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>标签纸</source>
            <translation>Label sheet</translation>
        </message>
        <message>
            <source>从第几个标签开始</source>
            <translation>Start at label</translation>
        </message>
        <message>
            <source>右移</source>
            <translation>right</translation>
        </message>
        <message>
            <source>下移</source>
            <translation>down</translation>
        </message>
        <message>
            <source>打印偏移</source>
            <translation>Printer shift</translation>
        </message>
        <message>
            <source>打印机送纸有偏差时，把所有标签内容整体移动（负数为左移或上移）；只影响这台电脑。</source>
            <translation>When the printer feeds off true, move everything printed (negative: left or up); applies to this PC only.</translation>
        </message>
        <message>
            <source>{count} 册还没有索书号，不印书标：{codes}</source>
            <translation>{count} copies have no call number yet, so no spine label: {codes}</translation>
        </message>
        <message>
            <source>已保存为书屋的自定义标签纸。</source>
            <translation>Saved as the room's custom sheet.</translation>
        </message>
        <message>
            <source>第 {row} 行第 {column} 列</source>
            <translation>row {row}, column {column}</translation>
        </message>
        <message>
            <source>共 {labels} 个标签，{pages} 页。</source>
            <translation>Labels: {labels}; pages: {pages}.</translation>
        </message>
        <message>
            <source>标签太窄：{codes} 的条码线条会细于 0.25 毫米，廉价扫描枪可能读不出。</source>
            <translation>Labels too narrow: the bars of {codes} would be finer than 0.25 mm; a cheap scanner may not read them.</translation>
        </message>
        <message>
            <source>没有要打印的标签。</source>
            <translation>Nothing to print.</translation>
        </message>
        <message>
            <source>标签</source>
            <translation>Labels</translation>
        </message>
        <message>
            <source>打印失败：{error}</source>
            <translation>Printing failed: {error}</translation>
        </message>
        <message>
            <source>已送往打印机：{labels} 个标签。</source>
            <translation>Sent to the printer: {labels} labels.</translation>
        </message>
        <message>
            <source>标签-{kind}-{date}.pdf</source>
            <translation>labels-{kind}-{date}.pdf</translation>
        </message>
        <message>
            <source>保存标签 PDF</source>
            <translation>Save labels as PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>已保存 {labels} 个标签（{pages} 页）到 {path}</source>
            <translation>Saved to {path}: labels {labels}, pages {pages}</translation>
        </message>
    </context>
    <context>
        <name>LabelSources</name>
        <message>
            <source>图书条码标签</source>
            <translation>Book barcode labels</translation>
        </message>
        <message>
            <source>书标（索书号）</source>
            <translation>Spine labels (call numbers)</translation>
        </message>
        <message>
            <source>读者证</source>
            <translation>Reader cards</translation>
        </message>
        <message>
            <source>书架标签</source>
            <translation>Shelf labels</translation>
        </message>
        <message>
            <source>标签种类</source>
            <translation>Kind of label</translation>
        </message>
        <message>
            <source>打印内容</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>导入批次</source>
            <translation>Import batch</translation>
        </message>
        <message>
            <source>号码</source>
            <translation>Numbers</translation>
        </message>
        <message>
            <source>所选图书（{count} 册）</source>
            <translation>Selected books ({count} copies)</translation>
        </message>
        <message>
            <source>所选读者（{count} 人）</source>
            <translation>Selected readers ({count})</translation>
        </message>
        <message>
            <source>所选书架（{count} 个）</source>
            <translation>Selected shelves ({count})</translation>
        </message>
        <message>
            <source>一个导入批次</source>
            <translation>An import batch</translation>
        </message>
        <message>
            <source>输入条码或条码范围</source>
            <translation>Barcodes or a barcode range</translation>
        </message>
        <message>
            <source>全部在藏图书</source>
            <translation>All books in the holdings</translation>
        </message>
        <message>
            <source>如 00000001-00000100，或几个条码用空格隔开</source>
            <translation>e.g. 00000001-00000100, or barcodes separated by spaces</translation>
        </message>
        <message>
            <source>全部正常状态的读者</source>
            <translation>All active readers</translation>
        </message>
        <message>
            <source>输入读者证号或范围</source>
            <translation>Card numbers or a range</translation>
        </message>
        <message>
            <source>如 R000001-R000050，或几个证号用空格隔开</source>
            <translation>e.g. R000001-R000050, or card numbers separated by spaces</translation>
        </message>
        <message>
            <source>全部书架</source>
            <translation>All shelves</translation>
        </message>
        <message>
            <source>输入书架代码</source>
            <translation>Shelf codes</translation>
        </message>
        <message>
            <source>如 A01 A02 B01</source>
            <translation>e.g. A01 A02 B01</translation>
        </message>
        <message>
            <source>手工添加</source>
            <translation>added by hand</translation>
        </message>
        <message>
            <source>#{id}　{when}　{name}（{count} 册）</source>
            <translation>#{id}  {when}  {name} ({count} copies)</translation>
        </message>
    </context>
    <context>
        <name>LanguageBox</name>
        <message>
            <source>界面语言</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <source>重新启动程序后生效。</source>
            <translation>Takes effect when the program is started again.</translation>
        </message>
    </context>
    <context>
        <name>LockDialog</name>
        <message>
            <source>已锁定</source>
            <translation>Locked</translation>
        </message>
    </context>
    <context>
        <name>LoginPanel</name>
        <message>
            <source>职工书屋管理台 · 登录</source>
            <extracomment>The log-in box's width; wider only when a field's prompt needs more (its height always follows its width).</extracomment>
            <translation>Bookroom Desk · Log in</translation>
        </message>
        <message>
            <source>请扫描志愿者证，或输入账户名；再输入密码或PIN，按回车。</source>
            <translation>Scan your volunteer card or type your account name, then your password or PIN, and press Enter.</translation>
        </message>
        <message>
            <source>扫描证件或输入账户名</source>
            <translation>Scan a card or type the account name</translation>
        </message>
        <message>
            <source>密码或PIN</source>
            <translation>Password or PIN</translation>
        </message>
        <message>
            <source>登录</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>账户</source>
            <translation>Account</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>已锁定（{name}）。</source>
            <translation>Locked ({name}).</translation>
        </message>
    </context>
    <context>
        <name>LossActions</name>
        <message>
            <source>报告遗失…</source>
            <translation>Report lost...</translation>
        </message>
        <message>
            <source>读者把在借的书弄丢了：选中那一本，登记遗失和赔偿方式（不收罚款）。</source>
            <translation>The reader lost a book on loan: select it, then record the loss and how it is settled (no fines).</translation>
        </message>
        <message>
            <source>请先在“在借”里选中遗失的那一本。</source>
            <translation>First select the lost book in "On loan".</translation>
        </message>
        <message>
            <source>《{title}》已登记遗失（{how}）。</source>
            <translation>"{title}" recorded as lost ({how}).</translation>
        </message>
    </context>
    <context>
        <name>LossDialog</name>
        <message>
            <source>报告遗失</source>
            <translation>Report lost</translation>
        </message>
        <message>
            <source>《{title}》（{barcode}）遗失了。怎样赔偿？</source>
            <translation>"{title}" ({barcode}) is lost. How is it settled?</translation>
        </message>
        <message>
            <source>以书赔书：赔来一本同样的书</source>
            <translation>Replaced: the reader brings a copy of the same book</translation>
        </message>
        <message>
            <source>照价赔偿</source>
            <translation>Paid the price</translation>
        </message>
        <message>
            <source>免赔</source>
            <translation>Waived</translation>
        </message>
        <message>
            <source>扫描新书贴好的图书条码</source>
            <translation>Scan the new copy's barcode</translation>
        </message>
        <message>
            <source>新书条码</source>
            <translation>New barcode</translation>
        </message>
        <message>
            <source>金额（元）</source>
            <translation>Amount (yuan)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>职工书屋管理台</source>
            <translation>Bookroom Desk</translation>
        </message>
        <message>
            <source>扫码台</source>
            <translation>Desk</translation>
        </message>
        <message>
            <source>藏书</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <source>读者</source>
            <translation>Readers</translation>
        </message>
        <message>
            <source>盘点</source>
            <translation>Stocktake</translation>
        </message>
        <message>
            <source>统计报表</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>书屋工作</source>
            <translation>Room work</translation>
        </message>
        <message>
            <source>设置</source>
            <translation>Settings</translation>
        </message>
    </context>
    <context>
        <name>MatchChoiceDialog</name>
        <message>
            <source>这本书已经登记过：{label}（ID {id}）。

改为给这条书目加册吗？选“否”仍另建一条新书目。</source>
            <extracomment>What the volunteer answered: a title's id (add copies to it), NEW_TITLE (save a new one), or None (neither).</extracomment>
            <translation>This book is catalogued already: {label} (ID {id}).

Add copies to that title instead? Choose No to make a new title all the same.</translation>
        </message>
        <message>
            <source>可能已经登记过</source>
            <translation>Perhaps catalogued already</translation>
        </message>
        <message>
            <source>书屋里已有同名的书目，但著者、出版社或出版年不全相同。是其中一种吗？选中它就给它加册；不是就另建新书目。</source>
            <translation>The room has titles of this name, but the author, publisher or year differ. Is it one of them? Choose it to add copies to it; if not, make a new title.</translation>
        </message>
        <message>
            <source>另建新书目</source>
            <translation>Make a new title</translation>
        </message>
        <message>
            <source>{label}（ID {id}）</source>
            <translation>{label} (ID {id})</translation>
        </message>
        <message>
            <source>已经登记过</source>
            <translation>Catalogued already</translation>
        </message>
    </context>
    <context>
        <name>OpeningDesk</name>
        <message>
            <source>正在打开书屋…可以先扫码，书屋打开后依次处理。</source>
            <extracomment>Qt.Key.Key_Tab: nothing of Qt's namespace here, whose first use makes all its enums (20-40 ms, see main_window).</extracomment>
            <translation>Opening the reading room… You can scan already: the scans are processed in order once it is open.</translation>
        </message>
        <message>
            <source>扫码或输入条码后按回车</source>
            <translation>Scan, or type a barcode and press Enter</translation>
        </message>
    </context>
    <context>
        <name>OverdueTab</name>
        <message>
            <source>按部门</source>
            <translation>By department</translation>
        </message>
        <message>
            <source>按逾期天数</source>
            <translation>By days overdue</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>保存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>导出 Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>手机</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>应还</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>逾期（天）</source>
            <translation>Days overdue</translation>
        </message>
        <message>
            <source>共 {count} 册逾期未还，涉及 {readers} 位读者</source>
            <translation>{count} books overdue, held by {readers} readers</translation>
        </message>
        <message>
            <source>已送往打印机。</source>
            <translation>Sent to the printer.</translation>
        </message>
        <message>
            <source>逾期未还{day}</source>
            <translation>overdue-{day}</translation>
        </message>
        <message>
            <source>保存逾期清单</source>
            <translation>Save the overdue list</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>已保存 {path}</source>
            <translation>Saved {path}</translation>
        </message>
        <message>
            <source>导出逾期清单</source>
            <translation>Export the overdue list</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>已导出 {count} 行到 {path}</source>
            <translation>Exported {count} rows to {path}</translation>
        </message>
    </context>
    <context>
        <name>PeriodChooser</name>
        <message>
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>季度</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <source>自定义日期</source>
            <translation>Date range</translation>
        </message>
        <message>
            <source>第{n}季度</source>
            <translation>Q{n}</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>统计期间：</source>
            <translation>Period:</translation>
        </message>
    </context>
    <context>
        <name>PlanTab</name>
        <message>
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>计划活动</source>
            <translation>Planned activity</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>落实情况</source>
            <translation>Carried out</translation>
        </message>
        <message>
            <source>计划</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>已落实</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>实际举办</source>
            <translation>Held</translation>
        </message>
        <message>
            <source>{n}月</source>
            <translation>Month {n}</translation>
        </message>
        <message>
            <source>落实活动</source>
            <translation>Carried out by</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>New</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>逐月计划与举办</source>
            <translation>Planned and held, month by month</translation>
        </message>
        <message>
            <source>{date} {name}</source>
            <translation>{date} {name}</translation>
        </message>
        <message>
            <source>未落实</source>
            <translation>Not yet</translation>
        </message>
        <message>
            <source>计划 {planned} 项，已落实 {done} 项；已到期未落实 {overdue} 项；全年举办活动 {held} 次</source>
            <translation>{planned} planned, {done} done; {overdue} past due and not done; {held} activities held this year</translation>
        </message>
        <message>
            <source>（未落实）</source>
            <translation>(not carried out)</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>PoolLoadDialog</name>
        <message>
            <source>载入书目库</source>
            <translation>Load into the record pool</translation>
        </message>
        <message>
            <source>把上级工会或其他书屋共享的书目（MARC 文件，或书屋导出的目录）载入书目库：不建书目，也不增加藏书；以后扫到书屋没有的书的 ISBN，新编书目时会自动填好书名、著者、出版社等。</source>
            <translation>Load records shared by the union above or another room (a MARC file, or a room's exported catalogue) into the record pool. No titles are made and no volumes added; when you later scan the ISBN of a book the room does not hold, the new-title form is filled with its title, author, publisher and more.</translation>
        </message>
        <message>
            <source>MARC 记录（.iso .mrc .marc .xml）或导出的目录（.xlsx .csv）</source>
            <translation>MARC records (.iso .mrc .marc .xml) or an exported catalogue (.xlsx .csv)</translation>
        </message>
        <message>
            <source>选择文件…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>载入</source>
            <translation>Load</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>选择要载入书目库的文件</source>
            <translation>Choose the file to load into the record pool</translation>
        </message>
        <message>
            <source>MARC 记录 (*.iso *.mrc *.marc *.xml);;导出的目录 (*.xlsx *.csv);;所有文件 (*)</source>
            <translation>MARC records (*.iso *.mrc *.marc *.xml);;Exported catalogue (*.xlsx *.csv);;All files (*)</translation>
        </message>
        <message>
            <source>正在载入…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>已载入书目库 {added} 条记录（共 {rows} 条，{duplicates} 条书目库已有）。</source>
            <translation>{added} records loaded into the record pool ({rows} in the file, {duplicates} already there).</translation>
        </message>
    </context>
    <context>
        <name>PoolPicker</name>
        <message>
            <source>选择书目</source>
            <translation>Choose a record</translation>
        </message>
        <message>
            <source>书目库中这个ISBN有 {count} 条书目，请选一条填入：</source>
            <translation>The record pool has {count} records for this ISBN. Choose one to fill the form:</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>著者</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>出版社</source>
            <translation>Publisher</translation>
        </message>
        <message>
            <source>出版年</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>定价</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>分类号</source>
            <translation>Class number</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>本书屋</source>
            <translation>This room</translation>
        </message>
        <message>
            <source>选用</source>
            <translation>Use</translation>
        </message>
    </context>
    <context>
        <name>PrivacyActions</name>
        <message>
            <source>导出个人信息…</source>
            <translation>Export personal data…</translation>
        </message>
        <message>
            <source>删除个人信息…</source>
            <translation>Erase personal data…</translation>
        </message>
        <message>
            <source>导出读者个人信息</source>
            <translation>Export the reader's personal data</translation>
        </message>
        <message>
            <source>已导出到 {path}</source>
            <translation>Exported to {path}</translation>
        </message>
        <message>
            <source>删除个人信息</source>
            <translation>Erase personal data</translation>
        </message>
        <message>
            <source>删除读者证 {card} 的姓名、工号、手机和备注，并把他的借阅记录匿名化？统计数字不变；此操作不能撤销。</source>
            <translation>Erase the name, employee number, phone and notes of reader card {card} and anonymise their loans? The statistics stay the same; this cannot be undone.</translation>
        </message>
        <message>
            <source>已删除读者证 {card} 的个人信息，{count} 笔借阅记录已匿名化。</source>
            <translation>Personal data of reader card {card} erased; {count} loans anonymised.</translation>
        </message>
    </context>
    <context>
        <name>PrivacyBox</name>
        <message>
            <source>锁定与隐私</source>
            <translation>Lock and privacy</translation>
        </message>
        <message>
            <source>不自动锁定</source>
            <translation>Never</translation>
        </message>
        <message>
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <source>一直保留</source>
            <translation>For ever</translation>
        </message>
        <message>
            <source> 年</source>
            <translation> years</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>立即匿名化</source>
            <translation>Anonymise now</translation>
        </message>
        <message>
            <source>操作记录…</source>
            <translation>Audit log…</translation>
        </message>
        <message>
            <source>无操作多久后锁定</source>
            <translation>Lock when idle for</translation>
        </message>
        <message>
            <source>借阅记录保留</source>
            <translation>Keep loan history for</translation>
        </message>
        <message>
            <source>超过保留年数的整年借阅记录可以匿名化：去掉读者身份，只留部门，各项统计数字不变。</source>
            <translation>Whole years of loans older than this can be anonymised: the reader's identity goes, the department stays, and every statistic stays the same.</translation>
        </message>
        <message>
            <source>现在可匿名化的借阅记录：{count} 笔</source>
            <translation>Loans that can be anonymised now: {count}</translation>
        </message>
        <message>
            <source>已保存。自动锁定在下次登录后生效。</source>
            <translation>Saved. The idle lock applies from the next log-in.</translation>
        </message>
        <message>
            <source>已匿名化 {count} 笔借阅记录。</source>
            <translation>{count} loans anonymised.</translation>
        </message>
    </context>
    <context>
        <name>ProfileBanner</name>
        <message>
            <source>填写书屋信息</source>
            <translation>Fill in the room profile</translation>
        </message>
        <message>
            <source>书屋信息尚未填写完整（还有 {n} 项）。请管理员填写书屋名称、所属工会、所在单位、地址、联系人、电话、面积、座位数、开放时间、服务职工人数、标牌、全总命名年份、数字阅读服务和借阅制度，统计报表将用到这些信息。</source>
            <translation>The room profile is not complete ({n} items missing). An administrator should fill in the room's name, union, workplace, address, contact, phone, area, seats, opening hours, workers served, nameplate, ACFTU naming year, digital reading service and lending rules; the returns use them.</translation>
        </message>
    </context>
    <context>
        <name>ProfileForm</name>
        <message>
            <source>书屋信息</source>
            <translation>Room profile</translation>
        </message>
        <message>
            <source>未填写</source>
            <translation>not filled in</translation>
        </message>
        <message>
            <source>已悬挂全总统一制式标牌</source>
            <translation>The ACFTU's uniform nameplate is hung</translation>
        </message>
        <message>
            <source>保存书屋信息</source>
            <translation>Save the room profile</translation>
        </message>
        <message>
            <source>由开放日历生成</source>
            <translation>From the opening calendar</translation>
        </message>
        <message>
            <source>在“书屋工作 → 开放日历”中修改每周开放日和开放时间。</source>
            <translation>Change the open days and hours under Room work → Opening calendar.</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>ProgressModel</name>
        <message>
            <source>书架</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>应在架</source>
            <translation>Expected</translation>
        </message>
        <message>
            <source>已扫描</source>
            <translation>Scanned</translation>
        </message>
        <message>
            <source>未找到</source>
            <translation>Not found</translation>
        </message>
        <message>
            <source>（未分架）</source>
            <translation>(no shelf)</translation>
        </message>
    </context>
    <context>
        <name>PublishDialog</name>
        <message>
            <source>发布与通报</source>
            <translation>Publish and notices</translation>
        </message>
        <message>
            <source>如 https://example.org/shuwu/（书目发布后读者打开的网址）</source>
            <translation>e.g. https://example.org/shuwu/ (where readers open the published catalogue)</translation>
        </message>
        <message>
            <source>发布的书目放到这个网址后，海报上的二维码就指向它。没有网址时海报不印二维码。</source>
            <translation>Once the published catalogue is at this address, the poster's QR code points to it. Without an address the poster has no QR code.</translation>
        </message>
        <message>
            <source>选择一个文件夹，书目网页写在里面</source>
            <translation>Choose a folder for the catalogue's web pages</translation>
        </message>
        <message>
            <source>选择…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>发布书目…</source>
            <translation>Publish catalogue…</translation>
        </message>
        <message>
            <source>发布书目</source>
            <translation>Publish the catalogue</translation>
        </message>
        <message>
            <source>把馆藏书目写成一组网页（不含任何读者信息），复制到单位的网站或共享文件夹，职工用手机就能查书、看新书。</source>
            <translation>Writes the catalogue as a set of web pages (with no reader's data). Copy them to the workplace's website or a shared folder, and workers can look up books and see new ones on their phones.</translation>
        </message>
        <message>
            <source>A4（门上、公告栏）</source>
            <translation>A4 (door, notice board)</translation>
        </message>
        <message>
            <source>A3（大幅）</source>
            <translation>A3 (large)</translation>
        </message>
        <message>
            <source>海报…</source>
            <translation>Poster…</translation>
        </message>
        <message>
            <source>海报</source>
            <translation>Poster</translation>
        </message>
        <message>
            <source>书屋名称、开放时间、数字阅读服务和书目二维码，纸张：</source>
            <translation>The room's name, opening hours, digital reading service and a QR code to the catalogue. Paper:</translation>
        </message>
        <message>
            <source>最近</source>
            <translation>Last</translation>
        </message>
        <message>
            <source> 天</source>
            <translation> days</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>导入批次</source>
            <translation>Import batch</translation>
        </message>
        <message>
            <source>{label}，{copies} 册</source>
            <translation>{label}, {copies} copies</translation>
        </message>
        <message>
            <source>还没有导入过配送清单</source>
            <translation>No delivery list has been imported yet</translation>
        </message>
        <message>
            <source>PDF（A4，贴公告栏）</source>
            <translation>PDF (A4, for the notice board)</translation>
        </message>
        <message>
            <source>PNG 长图（发到职工群）</source>
            <translation>PNG long image (for the workers' chat group)</translation>
        </message>
        <message>
            <source>新书通报…</source>
            <translation>New-book notice…</translation>
        </message>
        <message>
            <source>新书通报</source>
            <translation>New-book notice</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>格式：</source>
            <translation>Format:</translation>
        </message>
        <message>
            <source>书目网址：</source>
            <translation>Catalogue address:</translation>
        </message>
        <message>
            <source>书目写到哪个文件夹</source>
            <translation>Folder for the catalogue</translation>
        </message>
        <message>
            <source>正在发布书目…</source>
            <translation>Publishing the catalogue…</translation>
        </message>
        <message>
            <source>已发布 {titles} 种书目，共 {files} 个文件，首页：{index}。把整个文件夹复制到网站上即可。</source>
            <translation>Published {titles} titles in {files} files; the first page: {index}. Copy the whole folder to the website.</translation>
        </message>
        <message>
            <source>保存海报</source>
            <translation>Save the poster</translation>
        </message>
        <message>
            <source>书屋海报.pdf</source>
            <translation>room-poster.pdf</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>已保存海报：{path}。二维码指向 {url}，打印前请用手机扫一下试试。</source>
            <translation>Poster saved: {path}. Its QR code points to {url}; scan it with a phone before printing.</translation>
        </message>
        <message>
            <source>已保存海报：{path}。没有填书目网址，海报上没有二维码。</source>
            <translation>Poster saved: {path}. No catalogue address was given, so the poster has no QR code.</translation>
        </message>
        <message>
            <source>PNG 图片 (*.png)</source>
            <translation>PNG images (*.png)</translation>
        </message>
        <message>
            <source>保存新书通报</source>
            <translation>Save the new-book notice</translation>
        </message>
        <message>
            <source>{scope}：新到图书 {titles} 种 {copies} 册。</source>
            <translation>{scope}: {titles} new titles, {copies} copies.</translation>
        </message>
        <message>
            <source>{scope}：没有新到的图书，通报上写明了没有新书。</source>
            <translation>{scope}: no new books; the notice says so.</translation>
        </message>
        <message>
            <source>通报较长，分成了 {count} 张图片，请按顺序发送：{paths}</source>
            <translation>The notice is long and was split into {count} images; send them in order: {paths}</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>已保存：{path}</source>
            <translation>Saved: {path}</translation>
        </message>
        <message>
            <source>{done}{where}</source>
            <translation>{done} {where}</translation>
        </message>
    </context>
    <context>
        <name>ReaderDetail</name>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>借出</source>
            <translation>Lent</translation>
        </message>
        <message>
            <source>应还</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>续借</source>
            <translation>Ren.</translation>
        </message>
        <message>
            <source>逾期（天）</source>
            <translation>Late (d)</translation>
        </message>
        <message>
            <source>归还</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>在借</source>
            <translation>On loan</translation>
        </message>
        <message>
            <source>借阅历史</source>
            <translation>History</translation>
        </message>
        <message>
            <source>打印借阅凭条</source>
            <translation>Print loan slip</translation>
        </message>
        <message>
            <source>预约…</source>
            <translation>Place hold…</translation>
        </message>
        <message>
            <source>（未选择读者）</source>
            <translation>(no reader selected)</translation>
        </message>
        <message>
            <source>证号 {card}　工号 {employee_no}　部门 {department}　手机 {phone}
类别 {category}　状态 {status}　登记于 {registered}</source>
            <translation>Card {card}   Employee no. {employee_no}   Department {department}   Mobile {phone}
Category {category}   Status {status}   Registered {registered}</translation>
        </message>
        <message>
            <source>在借 {loans} 册，逾期 {overdue} 册，还可借 {more} 册；历史借阅 {past} 次</source>
            <translation>{loans} on loan, {overdue} overdue, may borrow {more} more; {past} past loans</translation>
        </message>
        <message>
            <source>遗失</source>
            <translation>Lost</translation>
        </message>
        <message>
            <source>［放行］{title}</source>
            <translation>[override] {title}</translation>
        </message>
        <message>
            <source>遗失，{how}</source>
            <translation>Lost, {how}</translation>
        </message>
        <message>
            <source>{who}放行：{reason}</source>
            <translation>Override by {who}: {reason}</translation>
        </message>
        <message>
            <source>；</source>
            <translation>; </translation>
        </message>
    </context>
    <context>
        <name>ReaderDialog</name>
        <message>
            <source>修改读者</source>
            <translation>Edit reader</translation>
        </message>
        <message>
            <source>登记读者</source>
            <translation>Register reader</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>工号</source>
            <translation>Employee no.</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>手机</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Card number</translation>
        </message>
        <message>
            <source>留空则自动分配</source>
            <translation>Leave empty to assign the next number</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>ReaderListTab</name>
        <message>
            <source>姓名、拼音、证号、工号或部门</source>
            <translation>Name, pinyin, card, employee no. or department</translation>
        </message>
        <message>
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>登记读者</source>
            <translation>Register reader</translation>
        </message>
        <message>
            <source>修改</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>停用</source>
            <translation>Suspend</translation>
        </message>
        <message>
            <source>办理离职</source>
            <translation>Mark as left</translation>
        </message>
        <message>
            <source>导入职工名册…</source>
            <translation>Import staff roster…</translation>
        </message>
        <message>
            <source>打印读者证</source>
            <translation>Print reader card</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>工号</source>
            <translation>Employee no.</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>手机</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>在借</source>
            <translation>On loan</translation>
        </message>
        <message>
            <source>逾期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>只显示前 {n} 位读者，请输入更多字缩小范围。</source>
            <translation>Only the first {n} readers are shown; type more to narrow the search.</translation>
        </message>
        <message>
            <source>恢复正常</source>
            <translation>Reinstate</translation>
        </message>
        <message>
            <source>已登记读者，读者证号 {card}。</source>
            <translation>Reader registered, card number {card}.</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>{name}的读者证已停用。</source>
            <translation>{name}'s card is suspended.</translation>
        </message>
        <message>
            <source>{name}已恢复正常。</source>
            <translation>{name} is active again.</translation>
        </message>
        <message>
            <source>{name}已办理离职。</source>
            <translation>{name} is marked as left.</translation>
        </message>
        <message>
            <source>借阅凭条已送往打印机“{printer}”。</source>
            <translation>The loan slip was sent to printer "{printer}".</translation>
        </message>
        <message>
            <source>没有可用的打印机，借阅凭条已保存为 {path}</source>
            <translation>No printer available; the loan slip was saved as {path}</translation>
        </message>
    </context>
    <context>
        <name>ReaderPanel</name>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>借出</source>
            <translation>Lent</translation>
        </message>
        <message>
            <source>应还</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>续借</source>
            <translation>Renewed</translation>
        </message>
        <message>
            <source>未打开读者</source>
            <translation>No reader open</translation>
        </message>
        <message>
            <source>扫描读者证即打开读者；这时扫描图书即借给他。未打开读者时扫描图书即为还书。</source>
            <translation>Scan a reader card to open the reader; books scanned then are lent to them. With no reader open, a scanned book is returned.</translation>
        </message>
        <message>
            <source>{card} · {department} · {category} · {status}</source>
            <translation>{card} · {department} · {category} · {status}</translation>
        </message>
        <message>
            <source>（无部门）</source>
            <translation>(no department)</translation>
        </message>
        <message>
            <source>在借 {loans} 册，逾期 {overdue} 册，还可借 {more} 册（上限 {max} 册，借期 {days} 天）</source>
            <translation>{loans} on loan, {overdue} overdue, may borrow {more} more (at most {max}, {days}-day loans)</translation>
        </message>
        <message>
            <source>{due}（逾期{days}天）</source>
            <translation>{due} ({days} days overdue)</translation>
        </message>
        <message>
            <source>{done}/{left}</source>
            <translation>{done}/{left}</translation>
        </message>
        <message>
            <source>不能借书：读者证已停用（可以还书）</source>
            <translation>Cannot borrow: the card is suspended (books can be returned)</translation>
        </message>
        <message>
            <source>不能借书：已离职（可以还书）</source>
            <translation>Cannot borrow: the reader has left (books can be returned)</translation>
        </message>
        <message>
            <source>不能借书：有逾期未还的书，请先归还</source>
            <translation>Cannot borrow: overdue books must be returned first</translation>
        </message>
        <message>
            <source>不能再借：已达到可借册数上限</source>
            <translation>Cannot borrow more: the limit of books at once is reached</translation>
        </message>
    </context>
    <context>
        <name>ReadersPage</name>
        <message>
            <source>读者名单</source>
            <translation>Readers</translation>
        </message>
        <message>
            <source>逾期未还</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>预约</source>
            <translation>Holds</translation>
        </message>
        <message>
            <source>读者类别与借阅规则</source>
            <translation>Categories and loan rules</translation>
        </message>
    </context>
    <context>
        <name>RecordsTab</name>
        <message>
            <source>书屋名称、标牌、借阅制度和数字阅读服务是职工书屋基本标准的内容，“十有”自查和统计报表都从这里取数。</source>
            <translation>The room's name, nameplate, lending rules and digital reading service belong to the basic standard; the self-check and the returns take them from here.</translation>
        </message>
    </context>
    <context>
        <name>RemindersBar</name>
        <message>
            <source>催还：</source>
            <translation>Reminders:</translation>
        </message>
        <message>
            <source>A4 纸</source>
            <translation>A4</translation>
        </message>
        <message>
            <source>A5 纸</source>
            <translation>A5</translation>
        </message>
        <message>
            <source>催还信 PDF…</source>
            <translation>Letters (PDF)…</translation>
        </message>
        <message>
            <source>部门清单 PDF…</source>
            <translation>Lists (PDF)…</translation>
        </message>
        <message>
            <source>催还表 Excel…</source>
            <translation>Workbook…</translation>
        </message>
        <message>
            <source>催还阶段…</source>
            <translation>Stages…</translation>
        </message>
        <message>
            <source>所有阶段</source>
            <translation>All stages</translation>
        </message>
        <message>
            <source>今天要催还 {readers} 位读者，{books} 册</source>
            <translation>Due today: {readers} reader(s), {books} book(s)</translation>
        </message>
        <message>
            <source>催还{day}</source>
            <translation>reminders-{day}</translation>
        </message>
        <message>
            <source>保存催还信</source>
            <translation>Save the reminder letters</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>保存部门催还清单</source>
            <translation>Save the departments' reminder lists</translation>
        </message>
        <message>
            <source>保存催还表</source>
            <translation>Save the reminder workbook</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>已保存 {path}：{readers} 位读者，记录催还 {books} 册</source>
            <translation>Saved {path}: {readers} reader(s), {books} reminder(s) recorded</translation>
        </message>
        <message>
            <source>催还阶段</source>
            <translation>Reminder stages</translation>
        </message>
        <message>
            <source>相对应还日期的天数，从早到晚，逗号分隔（到期前为负数；名称可写在冒号后）：</source>
            <translation>Days relative to the due date, earliest first, separated by commas (negative before the due date; a name may follow a colon):</translation>
        </message>
        <message>
            <source>催还阶段已设为 {stages}</source>
            <translation>Reminder stages set to {stages}</translation>
        </message>
    </context>
    <context>
        <name>RenumberDialog</name>
        <message>
            <source>原索书号</source>
            <translation>Old call number</translation>
        </message>
        <message>
            <source>新索书号</source>
            <translation>New call number</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>册数</source>
            <translation>Copies</translation>
        </message>
        <message>
            <source>重编种次号</source>
            <translation>Renumber call numbers</translation>
        </message>
        <message>
            <source>书屋改了排架方案后，给一段分类号内每一类的书重新编种次号 1、2、3……，按现在的排架顺序；应用前会先备份，全部改好或全不改。</source>
            <translation>After the room changes its shelving scheme, give the titles of each class in a range the numbers 1, 2, 3 … in their present shelf order. A backup is made first; everything is changed, or nothing.</translation>
        </message>
        <message>
            <source>如 I247</source>
            <translation>e.g. I247</translation>
        </message>
        <message>
            <source>如 I247（同书架的分类范围）</source>
            <translation>e.g. I247 (read as a shelf's class range)</translation>
        </message>
        <message>
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>应用</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>打印新书标…</source>
            <translation>Print new spine labels…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>分类号从</source>
            <translation>Classes from</translation>
        </message>
        <message>
            <source>到</source>
            <translation>to</translation>
        </message>
        <message>
            <source>分类号 {low}–{high}：将改 {titles} 种书（{copies} 册）的索书号，{same} 种不变。</source>
            <translation>Classes {low}–{high}: the call numbers of {titles} titles ({copies} copies) will change; {same} stay as they are.</translation>
        </message>
        <message>
            <source>分类号 {low}–{high}：{same} 种书的索书号已是连续的种次号，没有要改的。</source>
            <translation>Classes {low}–{high}: the {same} titles already run 1, 2, 3 …; there is nothing to change.</translation>
        </message>
        <message>
            <source>已改 {titles} 种书的索书号（改动前已备份）；{copies} 册要换书标，请点“打印新书标”。</source>
            <translation>Changed the call numbers of {titles} titles (after a backup); {copies} copies need new spine labels: click "Print new spine labels".</translation>
        </message>
    </context>
    <context>
        <name>ReportCharts</name>
        <message>
            <source>藏书与达标下限（{minimum}册）</source>
            <translation>Holdings against the minimum ({minimum} volumes)</translation>
        </message>
        <message>
            <source>已有</source>
            <translation>Held</translation>
        </message>
        <message>
            <source>尚差</source>
            <translation>Still missing</translation>
        </message>
        <message>
            <source>超出</source>
            <translation>Above the minimum</translation>
        </message>
        <message>
            <source>藏书</source>
            <translation>Holdings</translation>
        </message>
        <message>
            <source>各月借出与归还（册次）</source>
            <translation>Loans and returns by month</translation>
        </message>
        <message>
            <source>借出</source>
            <translation>Loans</translation>
        </message>
        <message>
            <source>归还</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>各大类藏书（册）</source>
            <translation>Holdings by CLC class (volumes)</translation>
        </message>
        <message>
            <source>册数</source>
            <translation>Volumes</translation>
        </message>
        <message>
            <source>优先配备类别（册）</source>
            <translation>Priority kinds (volumes)</translation>
        </message>
        <message>
            <source>各部门读者与借阅</source>
            <translation>Readers and loans by department</translation>
        </message>
        <message>
            <source>登记读者（人）</source>
            <translation>Registered readers</translation>
        </message>
        <message>
            <source>借出（册次）</source>
            <translation>Loans</translation>
        </message>
    </context>
    <context>
        <name>ReportLibrary</name>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>导出 Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>年数：</source>
            <translation>Years:</translation>
        </message>
        <message>
            <source>列出前：</source>
            <translation>Top:</translation>
        </message>
        <message>
            <source>天数：</source>
            <translation>Days:</translation>
        </message>
        <message>
            <source>最多：</source>
            <translation>At most:</translation>
        </message>
        <message>
            <source>月数：</source>
            <translation>Months:</translation>
        </message>
        <message>
            <source>结束日期不能早于开始日期。</source>
            <translation>The end date cannot be before the start date.</translation>
        </message>
        <message>
            <source>正在生成“{title}”…</source>
            <translation>Making "{title}"…</translation>
        </message>
        <message>
            <source>{title}：{start} 至 {end}，{rows} 行</source>
            <translation>{title}: {start} to {end}, {rows} rows</translation>
        </message>
        <message>
            <source>已送往打印机：{pages} 页。</source>
            <translation>Sent to the printer: {pages} pages.</translation>
        </message>
        <message>
            <source>存为 PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>导出 Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>已保存 {path}</source>
            <translation>Saved {path}</translation>
        </message>
    </context>
    <context>
        <name>ReportsDashboard</name>
        <message>
            <source>达标</source>
            <translation>Meets the standard</translation>
        </message>
        <message>
            <source>差{count}册</source>
            <translation>{count} volumes short</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>统计报表</source>
            <translation>Statistics and returns</translation>
        </message>
        <message>
            <source>导出统计报表…</source>
            <translation>Export the return…</translation>
        </message>
        <message>
            <source>附新增图书清单</source>
            <translation>With the new copies</translation>
        </message>
        <message>
            <source>在报表末尾附上本期新增图书的逐册清单；不附时报表只有按来源的汇总</source>
            <translation>Add every copy acquired in the period at the end of the return; without it the return has only the summary by source</translation>
        </message>
        <message>
            <source>汇总报表文件…</source>
            <translation>Consolidate return files…</translation>
        </message>
        <message>
            <source>汇总文件夹…</source>
            <translation>Consolidate a folder…</translation>
        </message>
        <message>
            <source>在表格程序中打开</source>
            <translation>Open the file</translation>
        </message>
        <message>
            <source>未计入汇总的文件：</source>
            <translation>Files not counted in the consolidation:</translation>
        </message>
        <message>
            <source>统计概览</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>报表库</source>
            <translation>Report library</translation>
        </message>
        <message>
            <source>结束日期不能早于开始日期。</source>
            <translation>The end date cannot be before the start date.</translation>
        </message>
        <message>
            <source>正在统计 {start} 至 {end}…</source>
            <translation>Counting {start} to {end}…</translation>
        </message>
        <message>
            <source>{room}：{start} 至 {end}</source>
            <translation>{room}: {start} to {end}</translation>
        </message>
        <message>
            <source>保存统计报表</source>
            <translation>Save the return</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>已生成统计报表：{path}</source>
            <translation>Return written: {path}</translation>
        </message>
        <message>
            <source>选择各书屋的统计报表</source>
            <translation>Choose the rooms' returns</translation>
        </message>
        <message>
            <source>选择存放统计报表的文件夹</source>
            <translation>Choose the folder holding the returns</translation>
        </message>
        <message>
            <source>保存汇总表</source>
            <translation>Save the consolidation</translation>
        </message>
        <message>
            <source>{file}：{reason}</source>
            <translation>{file}: {reason}</translation>
        </message>
        <message>
            <source>已汇总 {rooms} 个书屋，{problems} 个文件有问题：{path}</source>
            <translation>Consolidated {rooms} rooms, {problems} files with problems: {path}</translation>
        </message>
        <message>
            <source>无法打开“{path}”：请在文件夹中双击打开。</source>
            <translation>Cannot open "{path}": open it by double-clicking it in its folder.</translation>
        </message>
    </context>
    <context>
        <name>RestoreChooser</name>
        <message>
            <source>从备份恢复</source>
            <translation>Restore from a backup</translation>
        </message>
        <message>
            <source>选择要恢复的备份（{folder}）：</source>
            <translation>Choose the backup to restore ({folder}):</translation>
        </message>
        <message>
            <source>备份时间</source>
            <translation>Made</translation>
        </message>
        <message>
            <source>种类</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Holds</translation>
        </message>
        <message>
            <source>backups 文件夹里还没有备份。U盘上的备份请用“其他文件…”选择。</source>
            <translation>There are no backups in the backups folder yet. For a backup on a USB drive, use "Other file…".</translation>
        </message>
        <message>
            <source>恢复…</source>
            <translation>Restore…</translation>
        </message>
        <message>
            <source>其他文件…</source>
            <translation>Other file…</translation>
        </message>
        <message>
            <source>正在清点…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>每日自动备份</source>
            <translation>Daily automatic backup</translation>
        </message>
        <message>
            <source>手动备份</source>
            <translation>Manual backup</translation>
        </message>
        <message>
            <source>升级前的自动备份</source>
            <translation>Automatic backup before an upgrade</translation>
        </message>
        <message>
            <source>恢复前的自动备份</source>
            <translation>Automatic backup before a restore</translation>
        </message>
        <message>
            <source>导入前的自动备份</source>
            <translation>Automatic backup before an import</translation>
        </message>
        <message>
            <source>结束盘点前的自动备份</source>
            <translation>Automatic backup before a stocktake's end</translation>
        </message>
        <message>
            <source>剔除前的自动备份</source>
            <translation>Automatic backup before a write-off</translation>
        </message>
        <message>
            <source>自动备份（{reason}）</source>
            <translation>Automatic backup ({reason})</translation>
        </message>
        <message>
            <source>书目 {titles} 种、{copies} 册</source>
            <translation>titles: {titles}, copies: {copies}</translation>
        </message>
        <message>
            <source>书目 {titles} 种，藏书 {volumes} 册，读者 {readers} 人</source>
            <translation>titles: {titles}; volumes held: {volumes}; readers: {readers}</translation>
        </message>
        <message>
            <source>选择备份文件</source>
            <translation>Choose a backup file</translation>
        </message>
        <message>
            <source>书屋备份 (*.db *.zip);;所有文件 (*)</source>
            <translation>Bookroom backups (*.db *.zip);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>ResultModel</name>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>索书号</source>
            <translation>Call number</translation>
        </message>
        <message>
            <source>所属书架</source>
            <translation>Own shelf</translation>
        </message>
        <message>
            <source>找到的书架</source>
            <translation>Found on</translation>
        </message>
        <message>
            <source>记录中的状态</source>
            <translation>Status in records</translation>
        </message>
        <message>
            <source>扫描次数</source>
            <translation>Scans</translation>
        </message>
    </context>
    <context>
        <name>ResultsView</name>
        <message>
            <source>结束盘点时要做的处理（之前藏书记录不会改动）</source>
            <translation>What finishing will do (until then the catalogue is not changed)</translation>
        </message>
        <message>
            <source>记录借出却在架的图书：办理归还</source>
            <translation>Copies on loan but found on a shelf: check them in</translation>
        </message>
        <message>
            <source>找到的剔除、遗失或缺失图书：恢复在架</source>
            <translation>Withdrawn, lost or missing copies found: bring them back on the shelf</translation>
        </message>
        <message>
            <source>没有找到的图书：标记为“缺失”</source>
            <translation>Copies not found: mark them missing</translation>
        </message>
        <message>
            <source>错架图书：只列出，由人工放回原书架</source>
            <translation>Misplaced copies: only list them, to be put back by hand</translation>
        </message>
        <message>
            <source>错架图书：把它的书架改为找到它的书架</source>
            <translation>Misplaced copies: make the shelf they were found on their shelf</translation>
        </message>
        <message>
            <source>备注（可选）：如参加人员、发现的问题</source>
            <translation>Notes (optional): who took part, what was found</translation>
        </message>
        <message>
            <source>返回</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>导出盘点报告…</source>
            <translation>Export stocktake report…</translation>
        </message>
        <message>
            <source>应用处理并结束盘点</source>
            <translation>Apply and finish the stocktake</translation>
        </message>
        <message>
            <source>正在核对盘点 #{id} 的结果…</source>
            <translation>Reconciling stocktake #{id}…</translation>
        </message>
        <message>
            <source>盘点 #{id}（开始于 {at}）：应在架 {expected} 册，扫描 {scanned} 个条码。请核对下面各项，选好处理方式后结束盘点。</source>
            <translation>Stocktake #{id} (started {at}): {expected} copies expected, {scanned} barcodes scanned. Review each list below, choose what to do, then finish the stocktake.</translation>
        </message>
        <message>
            <source>盘点 #{id}（{start} 至 {end}）：应在架 {expected} 册，扫描 {scanned} 个条码。</source>
            <translation>Stocktake #{id} ({start} to {end}): {expected} copies expected, {scanned} barcodes scanned.</translation>
        </message>
        <message>
            <source>结束时已处理：办理归还 {checked_in} 册，恢复在架 {brought_back} 册，标记缺失 {marked_missing} 册，移架 {moved} 册，待人工归架 {to_reshelve} 册。</source>
            <translation>Done at finishing: {checked_in} checked in, {brought_back} brought back, {marked_missing} marked missing, {moved} moved, {to_reshelve} to reshelve by hand.</translation>
        </message>
        <message>
            <source>结束盘点</source>
            <translation>Finish stocktake</translation>
        </message>
        <message>
            <source>结束盘点 #{id} 并应用所选处理？结束后不能再扫描。</source>
            <translation>Finish stocktake #{id} and apply the chosen actions? It takes no more scans afterwards.</translation>
        </message>
        <message>
            <source>正在应用处理并结束盘点 #{id}，请稍候…</source>
            <translation>Applying the actions and finishing stocktake #{id}, please wait…</translation>
        </message>
    </context>
    <context>
        <name>RoomStatus</name>
        <message>
            <source>（未填写书屋名称）</source>
            <extracomment>Changes arriving within this many milliseconds are shown by one refresh.</extracomment>
            <translation>(room name not filled in)</translation>
        </message>
        <message>
            <source>藏书 {volumes} / {minimum} 册</source>
            <translation>Holdings {volumes} / {minimum}</translation>
        </message>
        <message>
            <source>距 {minimum} 册的达标标准还差 {n} 册</source>
            <translation>{n} volumes short of the {minimum}-volume standard</translation>
        </message>
        <message>
            <source>已达到藏书标准</source>
            <translation>The holdings standard is met</translation>
        </message>
        <message>
            <source>今日借出 {n} 册次</source>
            <translation>Loans today: {n}</translation>
        </message>
    </context>
    <context>
        <name>RoomWork</name>
        <message>
            <source>例如 2026-11-24</source>
            <translation>e.g. 2026-11-24</translation>
        </message>
        <message>
            <source>全年</source>
            <translation>Whole year</translation>
        </message>
        <message>
            <source>第{n}季度</source>
            <translation>Q{n}</translation>
        </message>
        <message>
            <source>年份</source>
            <translation>Year</translation>
        </message>
    </context>
    <context>
        <name>RoomWorkPage</name>
        <message>
            <source>阅读活动</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>年度计划</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>志愿者与值班</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <source>读书会</source>
            <translation>Groups</translation>
        </message>
        <message>
            <source>阅读之星</source>
            <translation>Stars</translation>
        </message>
        <message>
            <source>书屋档案</source>
            <translation>Records</translation>
        </message>
        <message>
            <source>十有自查</source>
            <translation>Self-check</translation>
        </message>
        <message>
            <source>到馆人数</source>
            <translation>Visitors</translation>
        </message>
        <message>
            <source>开放日历</source>
            <translation>Calendar</translation>
        </message>
    </context>
    <context>
        <name>RosterImportDialog</name>
        <message>
            <source>导入职工名册</source>
            <translation>Import staff roster</translation>
        </message>
        <message>
            <source>选择 Excel（.xlsx）或 CSV 文件。需要“姓名”列；可有工号、部门、手机、类别、读者证号。工号已登记的读者会被更新；文件中的读者证号符合编号规则的保留，没有的自动分配。任何一行有问题都不会导入。</source>
            <translation>Choose an Excel (.xlsx) or CSV file. It needs a 姓名 (name) column; 工号, 部门, 手机, 类别 and 读者证号 are optional. Readers whose employee number is registered are updated; card numbers in the file are kept when they fit the scheme, missing ones are assigned. Nothing is imported while any row has a problem.</translation>
        </message>
        <message>
            <source>选择文件…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>列</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>选择职工名册</source>
            <translation>Choose the staff roster</translation>
        </message>
        <message>
            <source>表格文件 (*.xlsx *.csv);;所有文件 (*)</source>
            <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
        </message>
        <message>
            <source>正在检查…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>检查通过：{rows} 行，将新增 {added} 位读者、更新 {updated} 位、{unchanged} 位不变，分配 {assigned} 个读者证号。按“导入”完成。</source>
            <translation>Check passed: {rows} rows; {added} readers will be added, {updated} updated, {unchanged} unchanged, {assigned} card numbers assigned. Press Import to finish.</translation>
        </message>
        <message>
            <source>已导入：新增 {added} 位读者，更新 {updated} 位，{unchanged} 位不变，分配了 {assigned} 个读者证号。</source>
            <translation>Imported: {added} readers added, {updated} updated, {unchanged} unchanged, {assigned} card numbers assigned.</translation>
        </message>
        <message>
            <source>再导入一次？</source>
            <translation>Import again?</translation>
        </message>
        <message>
            <source>没有工号和读者证号的人会再登记一次。确实要再导入吗？</source>
            <translation>People without an employee number or card number would be registered a second time. Import it again anyway?</translation>
        </message>
    </context>
    <context>
        <name>SearchKeys</name>
        <message>
            <source>正在建立检索：{done} / {total} 种</source>
            <translation>Building the search index: {done} / {total} titles</translation>
        </message>
        <message>
            <source>新导入的书目在建立检索后才能用拼音或两个字查到；借还书不受影响。</source>
            <translation>Newly imported titles can be found by pinyin or by two characters once the index is built; lending and returns are not affected.</translation>
        </message>
    </context>
    <context>
        <name>SelfCheckTab</name>
        <message>
            <source>类别</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>依据</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>还需补充</source>
            <translation>Still missing</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>基本标准</source>
            <translation>Basic standard</translation>
        </message>
        <message>
            <source>十有</source>
            <translation>Ten haves</translation>
        </message>
        <message>
            <source>有 {yes} 项，无 {no} 项，待补充 {unknown} 项</source>
            <translation>{yes} met, {no} not met, {unknown} to be completed</translation>
        </message>
    </context>
    <context>
        <name>SheetPreview</name>
        <message>
            <source>上一页</source>
            <extracomment>The preview page is painted at the resolution that fills the view, within these bounds (dpi). Painted at twice the screen's resolution, then scaled down smoothly: fine bars and small text stay legible.</extracomment>
            <translation>Previous</translation>
        </message>
        <message>
            <source>下一页</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>第 {page} / {count} 页</source>
            <translation>Page {page} of {count}</translation>
        </message>
        <message>
            <source>没有要打印的标签</source>
            <translation>Nothing to print</translation>
        </message>
    </context>
    <context>
        <name>ShelvesPanel</name>
        <message>
            <source>编号 *</source>
            <translation>Code *</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>分类范围</source>
            <translation>Class range</translation>
        </message>
        <message>
            <source>馆藏（册）</source>
            <translation>Holdings</translation>
        </message>
        <message>
            <source>在架</source>
            <translation>On shelf</translation>
        </message>
        <message>
            <source>借出</source>
            <translation>On loan</translation>
        </message>
        <message>
            <source>如 A01；书架标签为 {label}</source>
            <translation>e.g. A01; the shelf label reads {label}</translation>
        </message>
        <message>
            <source>如 文学（一）</source>
            <translation>e.g. Literature (1)</translation>
        </message>
        <message>
            <source>分类号从</source>
            <translation>Classes from</translation>
        </message>
        <message>
            <source>如 I；留空表示不按分类</source>
            <translation>e.g. I; leave empty if not by class</translation>
        </message>
        <message>
            <source>分类号到</source>
            <translation>Classes to</translation>
        </message>
        <message>
            <source>如 I2</source>
            <translation>e.g. I2</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>新书架</source>
            <translation>New shelf</translation>
        </message>
        <message>
            <source>保存书架</source>
            <translation>Save shelf</translation>
        </message>
        <message>
            <source>删除书架</source>
            <translation>Delete shelf</translation>
        </message>
        <message>
            <source>书架 {code} 已保存。</source>
            <translation>Shelf {code} saved.</translation>
        </message>
    </context>
    <context>
        <name>SlipBox</name>
        <message>
            <source>借阅凭条</source>
            <translation>Loan slips</translation>
        </message>
        <message>
            <source>A5 纸</source>
            <translation>A5 paper</translation>
        </message>
        <message>
            <source>58 毫米小票</source>
            <translation>58 mm receipt</translation>
        </message>
        <message>
            <source>80 毫米小票</source>
            <translation>80 mm receipt</translation>
        </message>
        <message>
            <source>每次借书后打印凭条（关闭读者时打印本次所借的书）</source>
            <translation>Print a slip after every loan (when the reader is closed, listing the books lent in that visit)</translation>
        </message>
        <message>
            <source>每次预约到书时打印预约条</source>
            <translation>Print a hold slip whenever a returned copy is kept for a hold</translation>
        </message>
        <message>
            <source>还回的书留给预约的读者时，扫码台立即打印夹在书里的预约条。</source>
            <translation>When a returned copy is kept for a reader's hold, the desk prints the slip to put in the book at once.</translation>
        </message>
        <message>
            <source>纸张</source>
            <translation>Paper</translation>
        </message>
    </context>
    <context>
        <name>SoundBox</name>
        <message>
            <source>扫码台声音</source>
            <translation>Desk sounds</translation>
        </message>
        <message>
            <source>静音</source>
            <translation>Mute</translation>
        </message>
        <message>
            <source>音量</source>
            <translation>Volume</translation>
        </message>
        <message>
            <source>试听：成功</source>
            <translation>Try: success</translation>
        </message>
        <message>
            <source>提醒</source>
            <translation>warning</translation>
        </message>
        <message>
            <source>拒绝</source>
            <translation>refusal</translation>
        </message>
    </context>
    <context>
        <name>StandardPanel</name>
        <message>
            <source>超出标准 {n} 册</source>
            <translation>{n} above the standard</translation>
        </message>
        <message>
            <source>距标准尚差 {n} 册</source>
            <translation>{n} short of the standard</translation>
        </message>
        <message>
            <source>计入 {minimum} 册标准的藏书：{volumes} 册（图书 {books}，报刊 {periodicals}），{versus}。</source>
            <translation>Holdings counted toward the {minimum}-volume standard: {volumes} (books {books}, periodicals {periodicals}), {versus}.</translation>
        </message>
        <message>
            <source>若核销本次盘点尚未找到的 {missing} 册（图书 {mb}，报刊 {mp}）：剩 {volumes} 册（图书 {books}，报刊 {periodicals}），{versus}。</source>
            <translation>If the {missing} copies this stocktake has not found (books {mb}, periodicals {mp}) were written off: {volumes} would remain (books {books}, periodicals {periodicals}), {versus}.</translation>
        </message>
        <message>
            <source>若核销标记为缺失的 {missing} 册（图书 {mb}，报刊 {mp}）：剩 {volumes} 册（图书 {books}，报刊 {periodicals}），{versus}。</source>
            <translation>If the {missing} copies marked missing (books {mb}, periodicals {mp}) were written off: {volumes} would remain (books {books}, periodicals {periodicals}), {versus}.</translation>
        </message>
        <message>
            <source>没有缺失的图书，核销不会减少藏书。</source>
            <translation>No copies are missing; a write-off would not reduce the holdings.</translation>
        </message>
    </context>
    <context>
        <name>StarsTab</name>
        <message>
            <source>阅读之星用于本书屋奖励读书成才职工，只在本程序内显示和打印，不写入统计报表。</source>
            <translation>Reading stars are for the room's own rewards to reading workers; shown and printed here only, never in a return.</translation>
        </message>
        <message>
            <source>名次</source>
            <translation>Rank</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Card no.</translation>
        </message>
        <message>
            <source>借阅（册次）</source>
            <translation>Loans</translation>
        </message>
        <message>
            <source>借阅（种）</source>
            <translation>Titles</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>保存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>前</source>
            <translation>Top</translation>
        </message>
        <message>
            <source>名</source>
            <translation>places</translation>
        </message>
        <message>
            <source>全部部门</source>
            <translation>All departments</translation>
        </message>
        <message>
            <source>{room}阅读之星（{period}）</source>
            <translation>{room} reading stars ({period})</translation>
        </message>
        <message>
            <source>保存为 PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>阅读之星.pdf</source>
            <translation>reading-stars.pdf</translation>
        </message>
    </context>
    <context>
        <name>StartPicker</name>
        <message>
            <source>点击标签纸上第一个还没用过的标签</source>
            <translation>Click the first unused label of the sheet</translation>
        </message>
    </context>
    <context>
        <name>StartView</name>
        <message>
            <source>开始新的盘点</source>
            <translation>Start a new stocktake</translation>
        </message>
        <message>
            <source>全部书架</source>
            <translation>All shelves</translation>
        </message>
        <message>
            <source>选定的书架：</source>
            <translation>Chosen shelves:</translation>
        </message>
        <message>
            <source>开始盘点</source>
            <translation>Start stocktake</translation>
        </message>
        <message>
            <source>盘点时先扫描书架标签，再逐册扫描这个书架上的图书；也可以载入盘点机导出的文件。扫描期间藏书记录不会改动，查看结果后再决定如何处理。借出、修补和加工中的图书不算缺失。</source>
            <translation>Scan a shelf label, then each copy on that shelf; or load a file from a data collector. Nothing in the catalogue changes while counting: review the results, then decide. Copies on loan, in repair or being processed are not counted as missing.</translation>
        </message>
        <message>
            <source>盘点记录</source>
            <translation>Past stocktakes</translation>
        </message>
        <message>
            <source>查看结果</source>
            <translation>Show results</translation>
        </message>
        <message>
            <source>导出盘点报告…</source>
            <translation>Export stocktake report…</translation>
        </message>
        <message>
            <source>核销长期缺失的图书…</source>
            <translation>Write off long-missing copies…</translation>
        </message>
        <message>
            <source>{code} {name}（{n} 册）</source>
            <translation>{code} {name} ({n} copies)</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>书屋管理台已经打开着这个数据库，已把它的窗口调到前面。</source>
            <translation>Bookroom Desk already has this database open; its window has been brought to the front.</translation>
        </message>
        <message>
            <source>书屋管理台已打开</source>
            <translation>Bookroom Desk is already open</translation>
        </message>
        <message>
            <source>这个数据库已被另一个书屋管理台程序打开（进程 {holder}）。
{path}

请切换到那个窗口；若它已无响应，请先关闭它。</source>
            <translation>This database is already open in another Bookroom Desk (process {holder}).
{path}

Please switch to that window; if it no longer responds, close it first.</translation>
        </message>
        <message>
            <source>新建书屋？</source>
            <translation>Create a new room?</translation>
        </message>
        <message>
            <source>这里还没有书屋数据库：
{path}

要在这里新建一个空的书屋吗？
若是路径输错了，请选“否”，再检查 --db 后面的路径。</source>
            <translation>There is no room database here:
{path}

Create a new, empty room here?
If the path is mistyped, choose No and check the path after --db.</translation>
        </message>
        <message>
            <source>无法打开数据库</source>
            <translation>Cannot open the database</translation>
        </message>
        <message>
            <source>数据库已损坏</source>
            <translation>The database is damaged</translation>
        </message>
        <message>
            <source>数据库文件已损坏，程序没有改动它：
{path}

（{detail}）</source>
            <translation>The database file is damaged; the program has not changed it:
{path}

({detail})</translation>
        </message>
        <message>
            <source>最新的完好备份是 {name}（{time}）。恢复后，这个备份之后的记录需要重新录入；损坏的文件会先保存到 backups 文件夹。</source>
            <translation>The newest good backup is {name} ({time}). After restoring it, records made since then must be entered again; the damaged file is first kept in the backups folder.</translation>
        </message>
        <message>
            <source>从这个备份恢复</source>
            <translation>Restore this backup</translation>
        </message>
        <message>
            <source>没有找到完好的备份。如有U盘上的备份，请选择它。</source>
            <translation>No good backup was found. If you have a backup on a USB drive, choose it.</translation>
        </message>
        <message>
            <source>选择其他备份…</source>
            <translation>Choose another backup…</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>选择备份文件</source>
            <translation>Choose a backup file</translation>
        </message>
        <message>
            <source>书屋备份 (*.db *.zip);;所有文件 (*)</source>
            <translation>Bookroom backups (*.db *.zip);;All files (*)</translation>
        </message>
        <message>
            <source>无法恢复</source>
            <translation>Cannot restore</translation>
        </message>
        <message>
            <source>已从 {file} 恢复。</source>
            <translation>Restored from {file}.</translation>
        </message>
    </context>
    <context>
        <name>StocktakeOutlook</name>
        <message>
            <source>缺失 {n} 册，核销后 {volumes} / {minimum} 册</source>
            <translation>{n} missing; after write-off {volumes} / {minimum}</translation>
        </message>
        <message>
            <source>盘点后标记为缺失的 {n} 册（图书 {books}，报刊 {periodicals}）若被核销，计入达标的藏书将剩 {volumes} 册。</source>
            <translation>If the {n} copies marked missing after a stocktake (books {books}, periodicals {periodicals}) were written off, {volumes} volumes would count toward the standard.</translation>
        </message>
    </context>
    <context>
        <name>StocktakePage</name>
        <message>
            <source>盘点</source>
            <translation>Stocktake</translation>
        </message>
        <message>
            <source>盘点 #{id} 已结束，处理已应用到藏书记录。</source>
            <translation>Stocktake #{id} is finished; the actions were applied to the catalogue.</translation>
        </message>
        <message>
            <source>导出盘点报告</source>
            <translation>Export stocktake report</translation>
        </message>
        <message>
            <source>盘点报告-{id}.xlsx</source>
            <translation>stocktake-report-{id}.xlsx</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>正在导出盘点报告…</source>
            <translation>Exporting the stocktake report…</translation>
        </message>
        <message>
            <source>盘点报告已保存：{path}</source>
            <translation>Stocktake report saved: {path}</translation>
        </message>
        <message>
            <source>已核销 {n} 册缺失图书（剔除，原因“盘点缺失”）。</source>
            <translation>Wrote off {n} missing copies (withdrawn, reason "missing at stocktake").</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <source>未能完成</source>
            <translation>Could not be done</translation>
        </message>
    </context>
    <context>
        <name>TitleDialog</name>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>删除书目</source>
            <translation>Delete title</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Card no.</translation>
        </message>
        <message>
            <source>预约</source>
            <translation>Place hold</translation>
        </message>
        <message>
            <source>书目信息</source>
            <translation>Title record</translation>
        </message>
        <message>
            <source>图书册</source>
            <translation>Copies</translation>
        </message>
        <message>
            <source>新编书目</source>
            <translation>New title</translation>
        </message>
        <message>
            <source>书目：{title}</source>
            <translation>Title: {title}</translation>
        </message>
        <message>
            <source>图书册（保存书目后可加册）</source>
            <translation>Copies (save the title first to add copies)</translation>
        </message>
        <message>
            <source>已为{name}预约，排第 {position} 位。</source>
            <translation>Hold placed for {name}, number {position} in the queue.</translation>
        </message>
        <message>
            <source>这本书已经登记过，可以直接加册。</source>
            <translation>This book is already catalogued; you can add copies straight away.</translation>
        </message>
        <message>
            <source>这个ISBN属于另一条书目。</source>
            <translation>This ISBN belongs to another title.</translation>
        </message>
        <message>
            <source>书目库中没有这个ISBN。按ISBN的出版者前缀，出版社可能是“{publisher}”。</source>
            <translation>The record pool does not have this ISBN. By the ISBN's publisher prefix, the publisher may be "{publisher}".</translation>
        </message>
        <message>
            <source>已从书目库填入《{title}》（{source}），请核对后保存。</source>
            <translation>Filled from the record pool: "{title}" ({source}). Check it, then save.</translation>
        </message>
        <message>
            <source>本书屋</source>
            <translation>this room</translation>
        </message>
        <message>
            <source>已保存，索书号 {call_number}。</source>
            <translation>Saved; call number {call_number}.</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>已打开已登记的这条书目：在下面给它加册。</source>
            <translation>The catalogued title is open: add the copies to it below.</translation>
        </message>
    </context>
    <context>
        <name>TitleForm</name>
        <message>
            <source>基本信息</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>更多著录项</source>
            <translation>More details</translation>
        </message>
        <message>
            <source>ISBN</source>
            <translation>ISBN</translation>
        </message>
        <message>
            <source>扫描书背条码或输入ISBN；没有ISBN的书可留空</source>
            <translation>Scan the back-cover barcode or type the ISBN; leave empty for books without one</translation>
        </message>
        <message>
            <source>书名 *</source>
            <translation>Title *</translation>
        </message>
        <message>
            <source>著者</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>出版社</source>
            <translation>Publisher</translation>
        </message>
        <message>
            <source>出版年</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>如 2024</source>
            <translation>e.g. 2024</translation>
        </message>
        <message>
            <source>定价（元）</source>
            <translation>Price (yuan)</translation>
        </message>
        <message>
            <source>如 39.80</source>
            <translation>e.g. 39.80</translation>
        </message>
        <message>
            <source>选择大类或输入分类号，如 D922.5</source>
            <translation>Pick a main class or type a class number, e.g. D922.5</translation>
        </message>
        <message>
            <source>中图法分类号</source>
            <translation>CLC class number</translation>
        </message>
        <message>
            <source>图书类别</source>
            <translation>Kind of book</translation>
        </message>
        <message>
            <source>文献类型</source>
            <translation>Material type</translation>
        </message>
        <message>
            <source>自动分配</source>
            <translation>Assign automatically</translation>
        </message>
        <message>
            <source>清空索书号，保存时按分类号给出下一个种次号</source>
            <translation>Clear the call number; saving gives the next free number in the class</translation>
        </message>
        <message>
            <source>索书号</source>
            <translation>Call number</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>版次</source>
            <translation>Edition</translation>
        </message>
        <message>
            <source>如 第2版</source>
            <translation>e.g. 2nd ed.</translation>
        </message>
        <message>
            <source>页数</source>
            <translation>Pages</translation>
        </message>
        <message>
            <source>如 320页</source>
            <translation>e.g. 320 p.</translation>
        </message>
        <message>
            <source>丛书</source>
            <translation>Series</translation>
        </message>
        <message>
            <source>主题词</source>
            <translation>Subjects</translation>
        </message>
        <message>
            <source>几个主题词用“；”隔开</source>
            <translation>Separate subjects with semicolons</translation>
        </message>
        <message>
            <source>内容提要</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>更多著录项（已填）</source>
            <translation>More details (filled in)</translation>
        </message>
        <message>
            <source>先填分类号，保存时自动给出</source>
            <translation>Fill in the class number; saving assigns it</translation>
        </message>
        <message>
            <source>保存时自动给出，如 {number}</source>
            <translation>Assigned when saved, e.g. {number}</translation>
        </message>
    </context>
    <context>
        <name>TitleListModel</name>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>著者</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>出版社</source>
            <translation>Publisher</translation>
        </message>
        <message>
            <source>ISBN</source>
            <translation>ISBN</translation>
        </message>
        <message>
            <source>索书号</source>
            <translation>Call number</translation>
        </message>
        <message>
            <source>馆藏</source>
            <translation>Held</translation>
        </message>
        <message>
            <source>在架</source>
            <translation>On shelf</translation>
        </message>
        <message>
            <source>借出</source>
            <translation>On loan</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>馆藏 {holdings} 册：在架 {on_shelf}，借出 {on_loan}，修补、加工或缺失 {elsewhere}</source>
            <translation>{holdings} held: {on_shelf} on the shelf, {on_loan} on loan, {elsewhere} in repair, processing or missing</translation>
        </message>
    </context>
    <context>
        <name>TransactionList</name>
        <message>
            <source>读者</source>
            <translation>Reader</translation>
        </message>
        <message>
            <source>借出</source>
            <translation>Lent</translation>
        </message>
        <message>
            <source>归还</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>找回</source>
            <translation>Found</translation>
        </message>
        <message>
            <source>提示</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>续借</source>
            <translation>Renewed</translation>
        </message>
        <message>
            <source>拒绝</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>选择</source>
            <translation>Choose</translation>
        </message>
        <message>
            <source>恢复入藏</source>
            <translation>Reinstated</translation>
        </message>
        <message>
            <source>撤销</source>
            <translation>Undone</translation>
        </message>
        <message>
            <source>开始上架</source>
            <translation>Start shelving</translation>
        </message>
        <message>
            <source>上架</source>
            <translation>Shelved</translation>
        </message>
        <message>
            <source>开始阅览登记</source>
            <translation>Reading room</translation>
        </message>
        <message>
            <source>阅览</source>
            <translation>Read</translation>
        </message>
        <message>
            <source>开始入馆登记</source>
            <translation>Start visits</translation>
        </message>
        <message>
            <source>入馆</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>预约</source>
            <translation>Hold</translation>
        </message>
        <message>
            <source>时间</source>
            <extracomment>The list keeps this many lines; older ones fall off the bottom.</extracomment>
            <translation>Time</translation>
        </message>
        <message>
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Result</translation>
        </message>
    </context>
    <context>
        <name>VisitsTab</name>
        <message>
            <source>没有扫描读者证的来馆人数，可按天或按时段（如上午、午间）登记；在扫码台按 F7 扫描的读者证另行计数，两者相加即到馆人次。</source>
            <translation>Enter the number of people who came without scanning a card, per day or per session (e.g. morning, lunchtime). Cards scanned at the desk with F7 are counted separately; together they make the visits.</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>时段</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>人数</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>登记人</source>
            <translation>Entered by</translation>
        </message>
        <message>
            <source>可不填，例如 上午</source>
            <translation>Optional, e.g. morning</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>New</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>{start} 至 {end}：到馆 {visits} 人次（刷读者证 {cards} 人次，登记人数 {counts} 人次）；阅览 {reads} 册次</source>
            <translation>{start} to {end}: {visits} visits ({cards} by card, {counts} by head count); {reads} reads in the room</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>删除到馆人数</source>
            <translation>Delete head count</translation>
        </message>
        <message>
            <source>删除这条到馆人数记录？</source>
            <translation>Delete this head count?</translation>
        </message>
    </context>
    <context>
        <name>VolunteersTab</name>
        <message>
            <source>值班时长（小时）</source>
            <translation>Duty hours</translation>
        </message>
        <message>
            <source>值班记录</source>
            <translation>Duty log</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>联系方式</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>值班卡号</source>
            <translation>Duty card</translation>
        </message>
        <message>
            <source>培训情况</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>可不填；也可扫描其读者证值班</source>
            <translation>Optional; their reader card also works for duty</translation>
        </message>
        <message>
            <source>在册（可值班）</source>
            <translation>On the register (may take duty)</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>New</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>开始/结束值班</source>
            <translation>Start/end duty</translation>
        </message>
        <message>
            <source>值班中</source>
            <translation>On duty</translation>
        </message>
        <message>
            <source>在册</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>不在册</source>
            <translation>Left</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>请先在列表中选中一位志愿者。</source>
            <translation>Choose a volunteer in the list first.</translation>
        </message>
    </context>
    <context>
        <name>WriteOffDialog</name>
        <message>
            <source>核销长期缺失的图书</source>
            <translation>Write off long-missing copies</translation>
        </message>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>索书号</source>
            <translation>Call number</translation>
        </message>
        <message>
            <source>书架</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <source>标记缺失于</source>
            <translation>Missing since</translation>
        </message>
        <message>
            <source>（未记录）</source>
            <translation>(not recorded)</translation>
        </message>
        <message>
            <source>核销这 {n} 册</source>
            <translation>Write off these {n}</translation>
        </message>
        <message>
            <source>以下 {n} 册在盘点中标记为“缺失”已超过 {days} 天（等待期可在设置中修改）。核销后它们改为“剔除”，原因“盘点缺失”，不再计入藏书。此操作只应由管理员执行。</source>
            <translation>These {n} copies have been marked missing at a stocktake for more than {days} days (the grace period is a setting). Writing them off withdraws them with the reason "missing at stocktake"; they leave the holdings. Only an administrator should do this.</translation>
        </message>
        <message>
            <source>没有缺失超过 {days} 天的图书，无需核销。</source>
            <translation>No copy has been missing for more than {days} days; nothing to write off.</translation>
        </message>
    </context>
    <context>
        <name>accounts</name>
        <message>
            <source>密码或PIN：</source>
            <translation>Password or PIN: </translation>
        </message>
        <message>
            <source>再输入一次：</source>
            <translation>Repeat it: </translation>
        </message>
        <message>
            <source>已添加账户“{name}”（{role}）。</source>
            <translation>Account "{name}" ({role}) added.</translation>
        </message>
        <message>
            <source>没有账户：程序以单人方式运行，无需登录。</source>
            <translation>No accounts: the program runs as a single-user room, without log-in.</translation>
        </message>
        <message>
            <source>已删除账户“{name}”。</source>
            <translation>Account "{name}" removed.</translation>
        </message>
        <message>
            <source>修改书目和册</source>
            <extracomment>What only an administrator may do, named for the refusal message.</extracomment>
            <translation>edit titles and copies</translation>
        </message>
        <message>
            <source>导入清单</source>
            <translation>import lists</translation>
        </message>
        <message>
            <source>剔除、注销或恢复图书</source>
            <translation>withdraw, write off or reinstate copies</translation>
        </message>
        <message>
            <source>核销盘点缺失的图书</source>
            <translation>write off copies missing at a stocktake</translation>
        </message>
        <message>
            <source>结束盘点并处理结果</source>
            <translation>finish a stocktake and apply its results</translation>
        </message>
        <message>
            <source>修改书屋设置</source>
            <translation>change the room's settings</translation>
        </message>
        <message>
            <source>新增、修改或删除书架</source>
            <translation>add, change or remove shelves</translation>
        </message>
        <message>
            <source>修改读者类别和借阅规则</source>
            <translation>change reader categories and loan rules</translation>
        </message>
        <message>
            <source>管理账户</source>
            <translation>manage accounts</translation>
        </message>
        <message>
            <source>查看操作记录</source>
            <translation>see the audit log</translation>
        </message>
        <message>
            <source>导出或删除读者个人信息</source>
            <translation>export or erase readers' personal data</translation>
        </message>
        <message>
            <source>恢复备份</source>
            <translation>restore a backup</translation>
        </message>
        <message>
            <source>放行扫码台拒绝的借书</source>
            <translation>override a loan the desk refused</translation>
        </message>
    </context>
    <context>
        <name>actors</name>
        <message>
            <source>（操作员）</source>
            <translation>(operator)</translation>
        </message>
    </context>
    <context>
        <name>argparse</name>
        <message>
            <source>用法：</source>
            <translation>usage: </translation>
        </message>
        <message>
            <source>位置参数</source>
            <translation>positional arguments</translation>
        </message>
        <message>
            <source>选项</source>
            <translation>options</translation>
        </message>
        <message>
            <source>子命令</source>
            <translation>subcommands</translation>
        </message>
        <message>
            <source>显示本帮助并退出</source>
            <translation>show this help message and exit</translation>
        </message>
        <message>
            <source>显示程序的版本号并退出</source>
            <translation>show program's version number and exit</translation>
        </message>
        <message>
            <source>%(prog)s：错误：%(message)s</source>
            <translation>%(prog)s: error: %(message)s</translation>
        </message>
        <message>
            <source>参数 %(argument_name)s：%(message)s</source>
            <translation>argument %(argument_name)s: %(message)s</translation>
        </message>
        <message>
            <source>缺少必需的参数：%s</source>
            <translation>the following arguments are required: %s</translation>
        </message>
        <message>
            <source>参数 %s 必须给出其中一个</source>
            <translation>one of the arguments %s is required</translation>
        </message>
        <message>
            <source>无法识别的参数：%s</source>
            <translation>unrecognized arguments: %s</translation>
        </message>
        <message>
            <source>无效的选择：%(value)r（可选：%(choices)s）</source>
            <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
        </message>
        <message>
            <source>无效的 %(type)s 值：%(value)r</source>
            <translation>invalid %(type)s value: %(value)r</translation>
        </message>
        <message>
            <source>需要给出一个值</source>
            <translation>expected one argument</translation>
        </message>
        <message>
            <source>最多只能给出一个值</source>
            <translation>expected at most one argument</translation>
        </message>
        <message>
            <source>至少需要给出一个值</source>
            <translation>expected at least one argument</translation>
        </message>
        <message>
            <source>应给出 %s 个值</source>
            <translation>expected %s argument</translation>
        </message>
        <message>
            <source>需要给出 %s 个值</source>
            <translation>expected %s arguments</translation>
        </message>
        <message>
            <source>不能与参数 %s 同时使用</source>
            <translation>not allowed with argument %s</translation>
        </message>
        <message>
            <source>选项 %(option)s 不明确，可能是 %(matches)s</source>
            <translation>ambiguous option: %(option)s could match %(matches)s</translation>
        </message>
        <message>
            <source>多余的值 %r 被忽略</source>
            <translation>ignored explicit argument %r</translation>
        </message>
        <message>
            <source>没有子命令 %(parser_name)r（可选：%(choices)s）</source>
            <translation>unknown parser %(parser_name)r (choices: %(choices)s)</translation>
        </message>
        <message>
            <source>无法打开“%(filename)s”：%(error)s</source>
            <translation>can't open '%(filename)s': %(error)s</translation>
        </message>
        <message>
            <source>意外的选项：%s</source>
            <translation>unexpected option string: %s</translation>
        </message>
    </context>
    <context>
        <name>audit</name>
        <message>
            <source>借出</source>
            <translation>Lend</translation>
        </message>
        <message>
            <source>归还</source>
            <translation>Return</translation>
        </message>
        <message>
            <source>续借</source>
            <translation>Renew</translation>
        </message>
        <message>
            <source>剔除与恢复</source>
            <translation>Withdraw/reinstate</translation>
        </message>
        <message>
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>设置</source>
            <translation>Setting</translation>
        </message>
        <message>
            <source>账户</source>
            <translation>Account</translation>
        </message>
        <message>
            <source>登录</source>
            <translation>Log-in</translation>
        </message>
        <message>
            <source>恢复备份</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>个人信息</source>
            <translation>Personal data</translation>
        </message>
        <message>
            <source>打印标签</source>
            <translation>Labels printed</translation>
        </message>
        <message>
            <source>重编索书号</source>
            <translation>Renumbering</translation>
        </message>
        <message>
            <source>管理员放行</source>
            <translation>Override</translation>
        </message>
        <message>
            <source>到馆人数</source>
            <translation>Head counts</translation>
        </message>
        <message>
            <source>（已匿名）</source>
            <extracomment>Copy events shown as withdrawals (剔除, 遗失, 恢复).</extracomment>
            <translation>(anonymised)</translation>
        </message>
        <message>
            <source>图书 {barcode} 借给读者证 {card}</source>
            <translation>Copy {barcode} lent to reader card {card}</translation>
        </message>
        <message>
            <source>图书 {barcode} 由读者证 {card} 归还</source>
            <translation>Copy {barcode} returned by reader card {card}</translation>
        </message>
        <message>
            <source>图书 {barcode}（读者证 {card}）续借至 {due}</source>
            <translation>Copy {barcode} (reader card {card}) renewed until {due}</translation>
        </message>
        <message>
            <source>图书 {barcode} 放行借给读者证 {card}，原因：{reason}</source>
            <translation>Copy {barcode} lent to card {card} past a refusal, reason: {reason}</translation>
        </message>
        <message>
            <source>图书 {barcode} 剔除：{detail}</source>
            <translation>Copy {barcode} withdrawn: {detail}</translation>
        </message>
        <message>
            <source>图书 {barcode} 登记遗失：{detail}</source>
            <translation>Copy {barcode} recorded lost: {detail}</translation>
        </message>
        <message>
            <source>图书 {barcode} 恢复入藏：{detail}</source>
            <translation>Copy {barcode} reinstated: {detail}</translation>
        </message>
        <message>
            <source>导入图书清单 {file}（{rows} 行）</source>
            <translation>Book list {file} imported ({rows} rows)</translation>
        </message>
        <message>
            <source>导入读者名单 {file}（{rows} 行）</source>
            <translation>Reader roster {file} imported ({rows} rows)</translation>
        </message>
        <message>
            <source>操作记录</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>操作人</source>
            <translation>By</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>What</translation>
        </message>
    </context>
    <context>
        <name>backup</name>
        <message>
            <source>已备份到 {file}（含活动照片 {photos} 张）。</source>
            <translation>Backed up to {file} (with {photos} activity photos).</translation>
        </message>
    </context>
    <context>
        <name>book_import</name>
        <message>
            <source>ISBN</source>
            <extracomment>Each field and the header names delivery lists and ledgers use for it. The fields' names in the mapping editor and in problems of an unmapped column.</extracomment>
            <translation>ISBN</translation>
        </message>
        <message>
            <source>书名</source>
            <extracomment>The record's text fields as the editor and delivery lists name them, and the columns that hold them.</extracomment>
            <translation>Title</translation>
        </message>
        <message>
            <source>著者</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>出版社</source>
            <translation>Publisher</translation>
        </message>
        <message>
            <source>出版年</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>定价</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>版次</source>
            <translation>Edition</translation>
        </message>
        <message>
            <source>页数</source>
            <translation>Pages</translation>
        </message>
        <message>
            <source>丛书</source>
            <translation>Series</translation>
        </message>
        <message>
            <source>内容提要</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>主题词</source>
            <translation>Subjects</translation>
        </message>
        <message>
            <source>分类号</source>
            <translation>Class number</translation>
        </message>
        <message>
            <source>索书号</source>
            <translation>Call number</translation>
        </message>
        <message>
            <source>条码号</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书架</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <source>图书类别</source>
            <translation>Kind of book</translation>
        </message>
        <message>
            <source>文献类型</source>
            <translation>Material type</translation>
        </message>
        <message>
            <source>供货单位</source>
            <translation>Supplier</translation>
        </message>
    </context>
    <context>
        <name>calendar</name>
        <message>
            <source>开放日：{days}</source>
            <translation>Open days: {days}</translation>
        </message>
        <message>
            <source>开放时间：{hours}</source>
            <translation>Opening hours: {hours}</translation>
        </message>
        <message>
            <source>书屋信息中的开放时间可写作：{text}</source>
            <translation>Opening hours for the room's profile (in Chinese): {text}</translation>
        </message>
        <message>
            <source>停馆日期：无</source>
            <translation>Closed dates: none</translation>
        </message>
        <message>
            <source>停馆日期（{count} 段，共 {days} 天）：</source>
            <translation>Closed dates ({count} ranges, {days} days in all):</translation>
        </message>
        <message>
            <source>{first} 至 {last}</source>
            <translation>{first} to {last}</translation>
        </message>
        <message>
            <source>{start} 借出的书应于 {due} 归还。</source>
            <translation>A loan made on {start} falls due on {due}.</translation>
        </message>
        <message>
            <source>读者类别“{category}”借期 {days} 天，应还日期遇闭馆日顺延到下一个开放日。</source>
            <translation>Reader category "{category}" lends for {days} days; a due date on a closed day moves to the next open day.</translation>
        </message>
        <message>
            <source>读者类别“{category}”借期 {days} 个开放日。</source>
            <translation>Reader category "{category}" lends for {days} open days.</translation>
        </message>
        <message>
            <source>（未设）</source>
            <translation>(none set)</translation>
        </message>
        <message>
            <source>周一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>周日</source>
            <translation>Sun</translation>
        </message>
        <message>
            <source>每天</source>
            <translation>Every day</translation>
        </message>
        <message>
            <source>{first}至{last}</source>
            <translation>{first}–{last}</translation>
        </message>
    </context>
    <context>
        <name>catalogue_export</name>
        <message>
            <source>ISBN</source>
            <translation>ISBN</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>著者</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>出版社</source>
            <translation>Publisher</translation>
        </message>
        <message>
            <source>出版年</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>定价</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>分类号</source>
            <translation>Class number</translation>
        </message>
        <message>
            <source>索书号</source>
            <translation>Call number</translation>
        </message>
        <message>
            <source>图书类别</source>
            <translation>Kind of book</translation>
        </message>
        <message>
            <source>文献类型</source>
            <translation>Material type</translation>
        </message>
        <message>
            <source>馆藏（册）</source>
            <translation>Holdings (copies)</translation>
        </message>
        <message>
            <source>在架（册）</source>
            <translation>On shelf (copies)</translation>
        </message>
        <message>
            <source>借出（册）</source>
            <translation>On loan (copies)</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>版次</source>
            <translation>Edition</translation>
        </message>
        <message>
            <source>页数</source>
            <translation>Pages</translation>
        </message>
        <message>
            <source>丛书</source>
            <translation>Series</translation>
        </message>
        <message>
            <source>主题词</source>
            <translation>Subjects</translation>
        </message>
        <message>
            <source>内容提要</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>条码号</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书架</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>入藏日期</source>
            <translation>Acquired on</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>价格</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>批次</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>注销日期</source>
            <translation>Removed on</translation>
        </message>
        <message>
            <source>注销原因</source>
            <translation>Reason removed</translation>
        </message>
        <message>
            <source>{room} 藏书目录（书目）</source>
            <translation>{room} catalogue (titles)</translation>
        </message>
        <message>
            <source>书目</source>
            <translation>Titles</translation>
        </message>
        <message>
            <source>{room} 藏书目录（每册）</source>
            <translation>{room} catalogue (copies)</translation>
        </message>
        <message>
            <source>图书</source>
            <translation>Copies</translation>
        </message>
    </context>
    <context>
        <name>check</name>
        <message>
            <source>表 {table} 第 {row} 行指向 {parent} 中不存在的记录</source>
            <translation>Row {row} of table {table} points to a record missing from {parent}</translation>
        </message>
        <message>
            <source>书屋规则检查都通过（服务器数据库的存储由服务器自行检查）。</source>
            <translation>Every rule of the room holds (a server database's storage is checked by the server itself).</translation>
        </message>
        <message>
            <source>数据库完好：SQLite 完整性检查、外键检查和书屋规则检查都通过。</source>
            <translation>The database is sound: SQLite's integrity check, the foreign-key check and the room's rules all pass.</translation>
        </message>
        <message>
            <source>数据库文件已损坏（SQLite 完整性检查未通过）：</source>
            <translation>The database file is damaged (SQLite's integrity check failed):</translation>
        </message>
        <message>
            <source>最新的完好备份是 {file}，可用命令恢复：bookroom-desk restore "{file}"</source>
            <translation>The newest good backup is {file}; restore it with: bookroom-desk restore "{file}"</translation>
        </message>
        <message>
            <source>没有找到完好的备份。</source>
            <translation>No good backup was found.</translation>
        </message>
        <message>
            <source>外键检查未通过：</source>
            <translation>The foreign-key check failed:</translation>
        </message>
        <message>
            <source>书屋规则检查未通过：</source>
            <translation>The room's rules are broken:</translation>
        </message>
    </context>
    <context>
        <name>circulation</name>
        <message>
            <source>程序出错，这次扫描没有登记。请再扫一次；如仍出错，请联系管理员。</source>
            <translation>Something went wrong and this scan was not recorded. Scan again; if it keeps failing, tell the administrator.</translation>
        </message>
        <message>
            <source>没有读到条码，请重新扫描。</source>
            <translation>No barcode was read; please scan again.</translation>
        </message>
        <message>
            <source>条码“{code}”不是本书屋的图书。请核对条码，或先在“藏书”页登记这一册。</source>
            <translation>Barcode "{code}" is not a book of this room. Check the barcode, or register the copy on the Holdings page first.</translation>
        </message>
        <message>
            <source>管理员可按 F10 写明原因后放行，借给{name}</source>
            <extracomment>An administrator's override of a refusal (overrides.py): the Offer's kind, and what it tells the volunteer.</extracomment>
            <translation>An administrator can press F10 and give a reason to lend it to {name} anyway</translation>
        </message>
        <message>
            <source>无法识别“{code}”：它不是读者证、图书条码，也不是ISBN。</source>
            <translation>"{code}" is not recognised: it is neither a reader card, a book barcode nor an ISBN.</translation>
        </message>
        <message>
            <source>读者证“{code}”未登记。请到“读者”页登记后再借书。</source>
            <translation>Reader card "{code}" is not registered. Register the reader on the Readers page first.</translation>
        </message>
        <message>
            <source>{name}（{department}）的读者证已停用，只能还书，不能借书。</source>
            <translation>{name} ({department}): the card is suspended; books can be returned but not borrowed.</translation>
        </message>
        <message>
            <source>{name}（{department}）已离职，只能还书，不能借书。</source>
            <translation>{name} ({department}) has left; books can be returned but not borrowed.</translation>
        </message>
        <message>
            <source>读者：{name}（{department}）。请扫描要借的书。</source>
            <translation>Reader: {name} ({department}). Scan the books to lend.</translation>
        </message>
        <message>
            <source>读者：{name}（{department}），有 {count} 册逾期未还，须先归还才能再借。</source>
            <translation>Reader: {name} ({department}) has {count} overdue books, which must be returned before borrowing again.</translation>
        </message>
        <message>
            <source>读者：{name}（{department}），已借满 {count} 册，须先还书才能再借。</source>
            <translation>Reader: {name} ({department}) already has {count} books, the most allowed; return one before borrowing again.</translation>
        </message>
        <message>
            <source>没有ISBN为 {code} 的书目。请扫描书上贴的图书条码。</source>
            <translation>No title has ISBN {code}. Scan the barcode label stuck on the book.</translation>
        </message>
        <message>
            <source>《{title}》没有借出的复本，无需归还。请扫描书上贴的图书条码。</source>
            <translation>No copy of "{title}" is on loan, so there is nothing to return. Scan the barcode label on the book.</translation>
        </message>
        <message>
            <source>《{title}》没有可借的复本。请扫描书上贴的图书条码。</source>
            <translation>No copy of "{title}" is available to lend. Scan the barcode label on the book.</translation>
        </message>
        <message>
            <source>《{title}》有 {count} 册可能是这一本：请扫描书上的图书条码，或输入序号 1–{last} 后回车。</source>
            <translation>{count} copies of "{title}" could be this one: scan the barcode label on the book, or type a number 1–{last} and press Enter.</translation>
        </message>
        <message>
            <source>《{title}》今天已借给{name}，这是重复扫描，未重复登记。如要还这本书，请按 Esc 关闭读者后再扫。</source>
            <translation>"{title}" was lent to {name} today; this repeated scan was not recorded again. To return the book, press Esc to close the reader and scan it again.</translation>
        </message>
        <message>
            <source>{name}的读者证已停用，不能借书。</source>
            <translation>{name}'s card is suspended; no books can be lent.</translation>
        </message>
        <message>
            <source>{name}已离职，不能借书。</source>
            <translation>{name} has left; no books can be lent.</translation>
        </message>
        <message>
            <source>按 F9 先为{holder}还书，再借给{name}；只还书请按 Esc 后再扫一次</source>
            <translation>Press F9 to return it for {holder} and lend it to {name}; to return it only, press Esc and scan it again</translation>
        </message>
        <message>
            <source>《{title}》已借给{holder}（{card}），尚未归还。</source>
            <translation>"{title}" is on loan to {holder} ({card}) and has not been returned.</translation>
        </message>
        <message>
            <source>按 F9 把这一册改为在架并借给{name}</source>
            <translation>Press F9 to put this copy back on the shelf and lend it to {name}</translation>
        </message>
        <message>
            <source>《{title}》的状态是“{status}”，不能借出。</source>
            <translation>"{title}" is marked "{status}" and cannot be lent.</translation>
        </message>
        <message>
            <source>{name}已借 {count} 册，达到“{category}”的上限 {max} 册，请先还书。</source>
            <translation>{name} has {count} books, the limit of {max} for "{category}"; return a book first.</translation>
        </message>
        <message>
            <source>{name}有 {count} 册逾期未还，按书屋规定须先还清逾期的书才能再借。</source>
            <translation>{name} has {count} overdue books; the room's rules say they must be returned before borrowing again.</translation>
        </message>
        <message>
            <source>借出《{title}》给{name}，应还日期 {due}。</source>
            <translation>Lent "{title}" to {name}, due {due}.</translation>
        </message>
        <message>
            <source>按 F9 把这一册恢复入藏（改为在架）</source>
            <translation>Press F9 to take this copy back into the holdings (on the shelf)</translation>
        </message>
        <message>
            <source>《{title}》盘点时缺失，现已找回，放回书架。</source>
            <translation>"{title}" was missing at the stocktake; it is found and goes back on the shelf.</translation>
        </message>
        <message>
            <source>《{title}》已登记为“{status}”，不在馆藏中。</source>
            <translation>"{title}" is recorded as "{status}" and is not in the holdings.</translation>
        </message>
        <message>
            <source>《{title}》没有借阅记录，已改为在架。</source>
            <translation>"{title}" had no loan on record; it is now on the shelf.</translation>
        </message>
        <message>
            <source>《{title}》留给 {name} {card}（预约），请放在预约架。</source>
            <translation>"{title}" is kept for {name} {card} (hold): leave it on the hold shelf.</translation>
        </message>
        <message>
            <source>《{title}》没有借出（状态：{status}），无需归还。</source>
            <translation>"{title}" is not on loan (status: {status}); nothing to return.</translation>
        </message>
        <message>
            <source>{name}归还了《{title}》，但这一册已登记为“{status}”。</source>
            <translation>{name} returned "{title}", but this copy is recorded as "{status}".</translation>
        </message>
        <message>
            <source>{name}归还了《{title}》。这一册标记为“{status}”，请不要上架。</source>
            <translation>{name} returned "{title}". This copy is marked "{status}": do not shelve it.</translation>
        </message>
        <message>
            <source>{name}归还了《{title}》，逾期 {days} 天。</source>
            <translation>{name} returned "{title}", {days} days late.</translation>
        </message>
        <message>
            <source>{name}归还了《{title}》，按时归还。</source>
            <translation>{name} returned "{title}" on time.</translation>
        </message>
        <message>
            <source>留给 {name} {card}（预约）：{holder}归还了《{title}》。请放到预约架。</source>
            <translation>For {name} {card} (hold): {holder} returned "{title}". Put it on the hold shelf.</translation>
        </message>
        <message>
            <source>留给 {name} {card}（预约）：{holder}归还了《{title}》，逾期 {days} 天。请放到预约架。</source>
            <translation>For {name} {card} (hold): {holder} returned "{title}", {days} days late. Put it on the hold shelf.</translation>
        </message>
        <message>
            <source>《{title}》已从{holder}处还回，并借给{name}，应还日期 {due}。</source>
            <translation>"{title}" was returned for {holder} and lent to {name}, due {due}.</translation>
        </message>
        <message>
            <source>《{title}》已恢复入藏，状态改为在架。</source>
            <translation>"{title}" is back in the holdings, on the shelf.</translation>
        </message>
        <message>
            <source>《{title}》已改为在架，并借给{name}，应还日期 {due}。</source>
            <translation>"{title}" is back on the shelf and lent to {name}, due {due}.</translation>
        </message>
        <message>
            <source>{name}的读者证不能使用，不能续借。</source>
            <translation>{name}'s card cannot be used; no renewals.</translation>
        </message>
        <message>
            <source>《{title}》已逾期 {days} 天，不能续借，请先归还。</source>
            <translation>"{title}" is {days} days overdue and cannot be renewed; it must be returned first.</translation>
        </message>
        <message>
            <source>《{title}》已续借 {max} 次，达到上限。</source>
            <translation>"{title}" has been renewed {max} times, the limit.</translation>
        </message>
        <message>
            <source>《{title}》应还日期是 {due}，现在续借不会延长借期。</source>
            <translation>"{title}" is due {due}; renewing now would not extend the loan.</translation>
        </message>
        <message>
            <source>《{title}》已续借，应还日期改为 {due}。</source>
            <translation>"{title}" renewed, now due {due}.</translation>
        </message>
        <message>
            <source>这笔借阅已归还，不能续借。</source>
            <translation>This loan has been returned and cannot be renewed.</translation>
        </message>
        <message>
            <source>{name}没有在借的书。</source>
            <translation>{name} has no books on loan.</translation>
        </message>
        <message>
            <source>没有可以续借的书：{why}</source>
            <translation>Nothing could be renewed: {why}</translation>
        </message>
        <message>
            <source>{name}续借了 {count} 册；{failed} 册不能续借：{why}</source>
            <translation>{name} renewed {count} books; {failed} could not be renewed: {why}</translation>
        </message>
        <message>
            <source>{name}续借了 {count} 册。</source>
            <translation>{name} renewed {count} books.</translation>
        </message>
        <message>
            <source>已撤销：{what}</source>
            <translation>Undone: {what}</translation>
        </message>
        <message>
            <source>已关闭读者。现在扫描图书即为还书。</source>
            <translation>Reader closed. A book scanned now is returned.</translation>
        </message>
        <message>
            <source>请先用 ↑ ↓ 键选中要续借的那一本，再按 F5。</source>
            <translation>Select the book to renew with ↑ ↓ first, then press F5.</translation>
        </message>
        <message>
            <source>没有打开读者：请先扫描读者证。</source>
            <translation>No reader is open: scan a reader card first.</translation>
        </message>
        <message>
            <source>本次没有可以撤销的操作。</source>
            <translation>There is nothing to undo.</translation>
        </message>
        <message>
            <source>现在没有待确认的操作。</source>
            <translation>There is nothing to confirm now.</translation>
        </message>
        <message>
            <source>借阅凭条已送往打印机“{printer}”。</source>
            <translation>The loan slip was sent to printer "{printer}".</translation>
        </message>
        <message>
            <source>还没有书架。请先在“藏书”页的“书架”里新建书架。</source>
            <translation>There are no shelves yet. Add shelves first under Shelves on the Collection page.</translation>
        </message>
        <message>
            <source>没有可用的打印机，借阅凭条已保存为 {path}</source>
            <translation>No printer available; the loan slip was saved as {path}</translation>
        </message>
        <message>
            <source>只有管理员可以放行这次借书。请管理员登录后按 F10，写明原因。</source>
            <translation>Only an administrator can override this. An administrator logs in, presses F10 and gives the reason.</translation>
        </message>
        <message>
            <source>已结束上架。现在扫描图书即为还书。</source>
            <translation>Shelving ended. A book scanned now is returned.</translation>
        </message>
        <message>
            <source>这是书架标签，但没有编号为 {code} 的书架。请先在“藏书”页的“书架”里新建它。</source>
            <translation>This is a shelf label, but there is no shelf {code}. Add it first under Shelves on the Collection page.</translation>
        </message>
        <message>
            <source>这个书架已被删除，上架已结束。请扫描另一个书架的标签。</source>
            <translation>This shelf has been deleted, so shelving has ended. Scan another shelf's label.</translation>
        </message>
        <message>
            <source>上架：书架 {shelf}（{name}，{range} 类）。请逐本扫描要放到这个书架的图书，按 Esc 结束。</source>
            <translation>Shelving onto shelf {shelf} ({name}, classes {range}). Scan each book that goes on it; press Esc when done.</translation>
        </message>
        <message>
            <source>上架：书架 {shelf}（{name}）。请逐本扫描要放到这个书架的图书，按 Esc 结束。</source>
            <translation>Shelving onto shelf {shelf} ({name}). Scan each book that goes on it; press Esc when done.</translation>
        </message>
        <message>
            <source>上架请扫描书上贴的图书条码：一个ISBN可能对应好几册。</source>
            <translation>To shelve, scan the barcode stuck on the book: one ISBN can mean several copies.</translation>
        </message>
        <message>
            <source>《{title}》已登记为“{status}”，不在馆藏中，不能上架。</source>
            <translation>"{title}" is recorded as "{status}" and is not in the holdings, so it cannot be shelved.</translation>
        </message>
        <message>
            <source>《{title}》是预约保留的书，请放到预约架，不能上架。</source>
            <translation>"{title}" is kept for a hold: put it on the hold shelf, not on this shelf.</translation>
        </message>
        <message>
            <source>《{title}》标记为“{status}”，不能上架。修好或加工完成后，请先在“藏书”页改为在架。</source>
            <translation>"{title}" is marked "{status}" and cannot be shelved. Once it is repaired or processed, set it to on shelf on the Collection page first.</translation>
        </message>
        <message>
            <source>《{title}》还在{name}名下，已先办理归还（逾期 {days} 天），放上书架 {shelf}。</source>
            <translation>"{title}" was still on loan to {name}: returned first ({days} days overdue) and put on shelf {shelf}.</translation>
        </message>
        <message>
            <source>《{title}》还在{name}名下，已先办理归还，放上书架 {shelf}。</source>
            <translation>"{title}" was still on loan to {name}: returned first and put on shelf {shelf}.</translation>
        </message>
        <message>
            <source>《{title}》本来就在书架 {shelf}，未改动。</source>
            <translation>"{title}" is already on shelf {shelf}; nothing changed.</translation>
        </message>
        <message>
            <source>《{title}》盘点时缺失，现已找回，放上书架 {shelf}。</source>
            <translation>"{title}" was missing at the stocktake; found now and put on shelf {shelf}.</translation>
        </message>
        <message>
            <source>《{title}》已从书架 {before} 移到书架 {shelf}。</source>
            <translation>"{title}" moved from shelf {before} to shelf {shelf}.</translation>
        </message>
        <message>
            <source>《{title}》已放上书架 {shelf}。</source>
            <translation>"{title}" is on shelf {shelf} now.</translation>
        </message>
        <message>
            <source>{done}但它的分类号是 {clc}，这个书架放 {range} 类：请核对是否放错。</source>
            <translation>{done} But its class is {clc} and this shelf holds classes {range}: check it is on the right shelf.</translation>
        </message>
        <message>
            <source>现在没有可以放行的拒绝。</source>
            <translation>There is no refusal to override now.</translation>
        </message>
        <message>
            <source>管理员放行（{what}）：借出《{title}》给{name}，应还日期 {due}。原因：{reason}</source>
            <translation>Administrator override ({what}): "{title}" lent to {name}, due {due}. Reason: {reason}</translation>
        </message>
        <message>
            <source>管理员放行（{what}）：借出《{title}》给{name}，应还日期 {due}。原因：{reason}。{holder}的预约仍在，下一册还回时留给{holder}。</source>
            <translation>Override by an administrator ({what}): "{title}" lent to {name}, due {due}. Reason: {reason}. {holder}'s hold stays; the next copy returned is kept for {holder}.</translation>
        </message>
        <message>
            <source>阅览登记：请逐本扫描在室内阅读的图书（不借出）。读者有读者证时可先扫描读者证。按 Esc 结束。</source>
            <extracomment>A card scanned again within this many minutes is the same visit. The most people one head count may say came (a day of a very large room).</extracomment>
            <translation>Reading room: scan each book read in the room (not lent). If the reader has a card, scan it first. Press Esc to stop.</translation>
        </message>
        <message>
            <source>阅览登记：扫描的图书登记为{name}在室内阅读（不借出）。按 Esc 结束。</source>
            <translation>Reading room: books you scan are recorded as read in the room by {name} (not lent). Press Esc to stop.</translation>
        </message>
        <message>
            <source>入馆登记：请逐个扫描来馆读者的读者证。按 Esc 结束。</source>
            <translation>Visits: scan the card of each reader who comes in. Press Esc to stop.</translation>
        </message>
        <message>
            <source>已结束阅览登记。现在扫描图书即为还书。</source>
            <translation>Reading room ended. A book scanned now is returned.</translation>
        </message>
        <message>
            <source>已结束入馆登记。现在扫描图书即为还书。</source>
            <translation>Visits ended. A book scanned now is returned.</translation>
        </message>
        <message>
            <source>已关闭读者，仍在阅览登记：扫描的图书登记为室内阅读（不借出）。</source>
            <translation>Reader closed; still in the reading room: books you scan are recorded as read in the room (not lent).</translation>
        </message>
        <message>
            <source>读者证“{code}”未登记。请到“读者”页登记。</source>
            <translation>Reader card "{code}" is not registered. Register it on the Readers page.</translation>
        </message>
        <message>
            <source>阅览登记请扫描书上贴的图书条码：一个ISBN可能对应好几册。</source>
            <translation>For the reading room, scan the barcode stuck on the book: one ISBN may mean several copies.</translation>
        </message>
        <message>
            <source>现在是阅览登记，不能上架。请先按 Esc 结束阅览登记，再扫描书架标签。</source>
            <translation>This is the reading room, not shelving. Press Esc to end the reading room first, then scan the shelf label.</translation>
        </message>
        <message>
            <source>现在是入馆登记，只扫描读者证。要借还图书，请先按 Esc 结束入馆登记。</source>
            <translation>This is visit counting: scan readers' cards only. To lend or return books, press Esc to end visits first.</translation>
        </message>
        <message>
            <source>阅览读者：{name}（{department}）。请扫描在室内阅读的图书。</source>
            <translation>Reading room reader: {name} ({department}). Scan the books they read in the room.</translation>
        </message>
        <message>
            <source>《{title}》已借给{holder}，尚未归还，不能登记阅览。如果书已还回，请按 Esc 结束阅览登记后先办理还书。</source>
            <translation>"{title}" is on loan to {holder} and not returned, so it cannot be recorded as read in the room. If the book is back, press Esc to end the reading room and return it first.</translation>
        </message>
        <message>
            <source>《{title}》已登记为“{status}”，不在馆藏中，不能登记阅览。</source>
            <translation>"{title}" is recorded as "{status}" and is not in the holdings, so it cannot be recorded as read in the room.</translation>
        </message>
        <message>
            <source>《{title}》已登记阅览一次（未借出）。</source>
            <translation>"{title}" recorded as read in the room once (not lent).</translation>
        </message>
        <message>
            <source>《{title}》已登记为{name}阅览一次（未借出）。</source>
            <translation>"{title}" recorded as read in the room by {name} once (not lent).</translation>
        </message>
        <message>
            <source>{name}在 {minutes} 分钟内已登记过入馆，这次不重复计数。</source>
            <translation>{name}'s visit was already recorded in the last {minutes} minutes: not counted again.</translation>
        </message>
        <message>
            <source>欢迎{name}（{department}），已登记入馆。</source>
            <translation>Welcome, {name} ({department}): visit recorded.</translation>
        </message>
        <message>
            <source>《{title}》是为{holder}（{card}）预约保留的，不能借给{name}。</source>
            <extracomment>A waiting hold as holds.snapshot gives it: what undoing a return that made it ready puts back.</extracomment>
            <translation>"{title}" is kept on hold for {holder} ({card}) and cannot be lent to {name}.</translation>
        </message>
        <message>
            <source>《{title}》没有可借的复本；这位读者已预约，排第 {position} 位。</source>
            <extracomment>The refusal of a copy kept for another reader's hold, as overrides.REFUSALS names it (F10 lets it through).</extracomment>
            <translation>No copy of "{title}" can be lent; this reader already has a hold, number {position} in the queue.</translation>
        </message>
        <message>
            <source>按 F9 为这位读者预约《{title}》</source>
            <translation>Press F9 to place a hold on "{title}" for this reader</translation>
        </message>
        <message>
            <source>《{title}》没有可借的复本，都已借出或不在架。</source>
            <translation>No copy of "{title}" can be lent: all are out or off the shelf.</translation>
        </message>
        <message>
            <source>已为{name}预约《{title}》，排第 {position} 位。</source>
            <translation>Hold placed for {name} on "{title}", number {position} in the queue.</translation>
        </message>
    </context>
    <context>
        <name>consistency</name>
        <message>
            <source>状态为借出、却没有未还借阅记录的册</source>
            <extracomment>(key, description, query returning one example value per offending row).</extracomment>
            <translation>Copies marked on loan with no open loan</translation>
        </message>
        <message>
            <source>有未还借阅记录、状态却不是借出的册</source>
            <translation>Copies with an open loan not marked on loan</translation>
        </message>
        <message>
            <source>同时有几条未还借阅记录的册</source>
            <translation>Copies with more than one open loan</translation>
        </message>
        <message>
            <source>归还时间早于借出时间的借阅记录</source>
            <translation>Loans returned before they were lent</translation>
        </message>
        <message>
            <source>指向不存在的册或读者的借阅记录</source>
            <translation>Loans of a missing copy or reader</translation>
        </message>
        <message>
            <source>已匿名化却仍未归还的借阅记录</source>
            <translation>Anonymised loans still out</translation>
        </message>
        <message>
            <source>指向不存在的书目的册</source>
            <translation>Copies of a missing title</translation>
        </message>
        <message>
            <source>状态不是已知状态的册</source>
            <translation>Copies with an unknown status</translation>
        </message>
        <message>
            <source>已剔除或遗失、却没有注销日期的册</source>
            <translation>Withdrawn or lost copies without a removal date</translation>
        </message>
        <message>
            <source>仍在馆藏中、却有注销日期的册</source>
            <translation>Copies in the holdings with a removal date</translation>
        </message>
        <message>
            <source>指向不存在的册的盘点扫描</source>
            <translation>Stocktake scans of a missing copy</translation>
        </message>
        <message>
            <source>不属于任何盘点的扫描</source>
            <translation>Scans that belong to no stocktake</translation>
        </message>
        <message>
            <source>状态为预约保留、却没有待取预约的册</source>
            <translation>Copies on hold without a ready hold keeping them</translation>
        </message>
        <message>
            <source>待取的预约、所留的册状态却不是预约保留</source>
            <translation>Ready holds whose kept copy is not on hold</translation>
        </message>
        <message>
            <source>同时进行中的盘点多于一次</source>
            <translation>More than one stocktake open at once</translation>
        </message>
        <message>
            <source>{what}：{count} 处（例如 {examples}）</source>
            <translation>{what}: {count} (for example {examples})</translation>
        </message>
        <message>
            <source>统计的藏书册数与实际册数不符</source>
            <translation>The holdings figures disagree with the copies counted</translation>
        </message>
        <message>
            <source>指向照片文件夹以外的照片记录</source>
            <translation>Photo records pointing outside the photos folder</translation>
        </message>
        <message>
            <source>排架顺序键与索书号不符的书目或册（列表排序会错）</source>
            <translation>Titles or copies whose shelf-order key does not match their call number or volume mark (lists sort wrongly)</translation>
        </message>
    </context>
    <context>
        <name>copies</name>
        <message>
            <source>原因</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>copy_event</name>
        <message>
            <source>入藏</source>
            <extracomment>CopyEvent kinds written here (the desk writes its own for loans).</extracomment>
            <translation>Acquired</translation>
        </message>
        <message>
            <source>移架</source>
            <translation>Moved</translation>
        </message>
        <message>
            <source>送修</source>
            <translation>Sent for repair</translation>
        </message>
        <message>
            <source>修好上架</source>
            <translation>Repaired, back on shelf</translation>
        </message>
        <message>
            <source>剔除</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <source>遗失</source>
            <translation>Lost</translation>
        </message>
        <message>
            <source>恢复</source>
            <translation>Reinstated</translation>
        </message>
        <message>
            <source>导入</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>找回</source>
            <translation>Found</translation>
        </message>
        <message>
            <source>盘点缺失</source>
            <translation>Missing at stocktake</translation>
        </message>
    </context>
    <context>
        <name>demo</name>
        <message>
            <source>必须是正整数</source>
            <translation>must be a positive whole number</translation>
        </message>
        <message>
            <source>演示书屋已建立：{titles} 种 {copies} 册（计入藏书 {volumes} 册），{shelves} 个书架，{readers} 位读者，{loans} 笔借阅（在借 {open_loans}，逾期 {overdue}）。</source>
            <translation>Demo room built: {titles} titles, {copies} copies ({volumes} volumes counted), {shelves} shelves, {readers} readers, {loans} loans ({open_loans} on loan, {overdue} overdue).</translation>
        </message>
    </context>
    <context>
        <name>export_catalogue</name>
        <message>
            <source>已导出 {titles} 种、{copies} 册到 {path}。</source>
            <translation>Exported {titles} titles and {copies} copies to {path}.</translation>
        </message>
    </context>
    <context>
        <name>export_marc</name>
        <message>
            <source>已导出 {records} 条记录（{copies} 册）到 {path}。</source>
            <translation>Exported {records} records ({copies} copies) to {path}.</translation>
        </message>
    </context>
    <context>
        <name>holds</name>
        <message>
            <source>等待中</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>待取</source>
            <translation>Ready</translation>
        </message>
        <message>
            <source>已过期</source>
            <translation>Expired</translation>
        </message>
        <message>
            <source>已借出</source>
            <translation>Collected</translation>
        </message>
        <message>
            <source>已取消</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>留给 {name} {card}（预约）</source>
            <extracomment>settings.HOLD_SLIP_ON_READY as the scan's own statement read it; None when not read with the hold</extracomment>
            <translation>For {name} {card} (hold)</translation>
        </message>
    </context>
    <context>
        <name>holds_cli</name>
        <message>
            <source>已登记预约 {id}：{name}（{card}）预约《{title}》，排第 {position} 位。</source>
            <translation>Hold {id} placed: {name} ({card}) on "{title}", number {position} in the queue.</translation>
        </message>
        <message>
            <source>没有预约。</source>
            <translation>No holds.</translation>
        </message>
        <message>
            <source>图书 {barcode}，保留到 {date}</source>
            <translation>copy {barcode}, kept until {date}</translation>
        </message>
        <message>
            <source>排第 {position} 位</source>
            <translation>number {position} in the queue</translation>
        </message>
        <message>
            <source>已取消预约 {id}：{name}（{card}）《{title}》。</source>
            <translation>Hold {id} cancelled: {name} ({card}), "{title}".</translation>
        </message>
    </context>
    <context>
        <name>import_books</name>
        <message>
            <source>请逐行决定：--match 行号=书目ID 把这一行的册加到那条书目（可写多次），--match 行号=new 作为新书目；或用 --new-titles-for-unclear 把这些行都作为新书目。</source>
            <translation>Decide each row: --match ROW=TITLE_ID adds the row's copies to that title (repeatable), --match ROW=new makes a new title; or --new-titles-for-unclear makes new titles of all of them.</translation>
        </message>
        <message>
            <source>导入已保存，但检索（拼音与两字检索）没有建立完：{reason} 下次打开窗口或导入时会自动补建。</source>
            <translation>The import is saved, but its search index (pinyin and two-character search) was not finished: {reason} It is completed the next time the window opens or a list is imported.</translation>
        </message>
        <message>
            <source>应写成 行号=书目ID 或 行号=new，如 --match 12=345</source>
            <translation>write ROW=TITLE_ID or ROW=new, e.g. --match 12=345</translation>
        </message>
        <message>
            <source>检查通过（未导入）：{rows} 行，将导入 {titles} 种（其中新书目 {new} 种）、{copies} 册。</source>
            <translation>Check passed (nothing imported): {rows} rows would import {titles} titles ({new} new) and {copies} copies.</translation>
        </message>
        <message>
            <source>已导入 {rows} 行：{titles} 种（其中新书目 {new} 种）、{copies} 册，批次 {batch}。</source>
            <translation>Imported in batch {batch}: rows {rows}, titles {titles} (new {new}), copies {copies}.</translation>
        </message>
        <message>
            <source>已为 {count} 种新书目建立检索（拼音与两字检索）。</source>
            <translation>Search index built for {count} new titles (pinyin and two-character search).</translation>
        </message>
    </context>
    <context>
        <name>import_cli</name>
        <message>
            <source>如确实要再导入一次，请加上 --again。</source>
            <translation>To import it once more anyway, add --again.</translation>
        </message>
    </context>
    <context>
        <name>import_fixes</name>
        <message>
            <source>问题</source>
            <translation>Problem</translation>
        </message>
    </context>
    <context>
        <name>import_marc</name>
        <message>
            <source>检查通过（未导入）：{rows} 条记录，将导入 {titles} 种（其中新书目 {new} 种）、{copies} 册。</source>
            <translation>Checked, nothing imported: {rows} records; {titles} titles ({new} of them new) and {copies} copies would be imported.</translation>
        </message>
        <message>
            <source>已导入 {rows} 条记录：{titles} 种（其中新书目 {new} 种）、{copies} 册，批次 {batch}。</source>
            <translation>Imported {rows} records: {titles} titles ({new} of them new) and {copies} copies, batch {batch}.</translation>
        </message>
        <message>
            <source>检查通过（未载入）：{rows} 条记录，将载入书目库 {added} 条，{duplicates} 条书目库已有。</source>
            <translation>Checked, nothing loaded: {rows} records, {added} would be added to the record pool, {duplicates} are already there.</translation>
        </message>
        <message>
            <source>已载入书目库 {added} 条记录（共 {rows} 条，{duplicates} 条书目库已有）。</source>
            <translation>{added} records loaded into the record pool ({rows} in the file, {duplicates} already there).</translation>
        </message>
    </context>
    <context>
        <name>import_readers</name>
        <message>
            <source>检查通过（未导入）：{rows} 行，将新增 {added} 位读者、更新 {updated} 位、{unchanged} 位不变，分配 {assigned} 个读者证号。</source>
            <translation>Check passed (nothing imported): {rows} rows; {added} readers would be added, {updated} updated, {unchanged} unchanged, {assigned} card numbers assigned.</translation>
        </message>
        <message>
            <source>已导入 {rows} 行：新增 {added} 位读者，更新 {updated} 位，{unchanged} 位不变，分配了 {assigned} 个读者证号。</source>
            <translation>Imported rows: {rows}. Readers added: {added}, updated: {updated}, unchanged: {unchanged}; card numbers assigned: {assigned}.</translation>
        </message>
    </context>
    <context>
        <name>indicators</name>
        <message>
            <source>藏书总量（册）</source>
            <extracomment>The indicator table of 基本情况, in order, labels exactly as docs/return-format.md fixes them (the return writes them in Chinese; the dashboard shows them translated, context "indicators").</extracomment>
            <translation>Holdings (volumes)</translation>
        </message>
        <message>
            <source>期末馆藏（未剔除、未遗失），计入达标的文献类型</source>
            <translation>Held at the period's end (not withdrawn or lost), of the material types counted toward the standard</translation>
        </message>
        <message>
            <source>其中：图书（册）</source>
            <translation>of which books</translation>
        </message>
        <message>
            <source>期末馆藏中的图书</source>
            <translation>Books among the holdings at the period's end</translation>
        </message>
        <message>
            <source>其中：报刊（册）</source>
            <translation>of which periodicals</translation>
        </message>
        <message>
            <source>期末馆藏中的期刊、报纸合订本</source>
            <translation>Periodicals and bound newspapers among the holdings at the period's end</translation>
        </message>
        <message>
            <source>藏书种数（种）</source>
            <translation>Titles held</translation>
        </message>
        <message>
            <source>期末馆藏的不同书目数</source>
            <translation>Distinct titles among the holdings at the period's end</translation>
        </message>
        <message>
            <source>达标下限（册）</source>
            <translation>Minimum (volumes)</translation>
        </message>
        <message>
            <source>职工书屋基本标准：图书不少于3000册</source>
            <translation>Basic standard of a reading room: at least 3,000 volumes</translation>
        </message>
        <message>
            <source>达标情况</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>藏书总量与达标下限相比</source>
            <translation>Holdings compared with the minimum</translation>
        </message>
        <message>
            <source>本期新增（册）</source>
            <translation>Acquired (volumes)</translation>
        </message>
        <message>
            <source>本期入藏的册数</source>
            <translation>Copies acquired in the period</translation>
        </message>
        <message>
            <source>本期剔除（册）</source>
            <translation>Withdrawn or lost (volumes)</translation>
        </message>
        <message>
            <source>本期剔除或遗失的册数</source>
            <translation>Copies withdrawn or lost in the period</translation>
        </message>
        <message>
            <source>藏书更新率（%）</source>
            <translation>Renewal of stock (%)</translation>
        </message>
        <message>
            <source>本期新增 ÷ 藏书总量 × 100</source>
            <translation>Acquired ÷ holdings × 100</translation>
        </message>
        <message>
            <source>登记读者（人）</source>
            <translation>Registered readers</translation>
        </message>
        <message>
            <source>期末已登记且未离职的读者</source>
            <translation>Readers registered by the period's end who had not left</translation>
        </message>
        <message>
            <source>本期借阅读者（人）</source>
            <translation>Borrowing readers</translation>
        </message>
        <message>
            <source>本期有借阅的不同读者</source>
            <translation>Distinct readers who borrowed in the period</translation>
        </message>
        <message>
            <source>职工参与率（%）</source>
            <translation>Worker participation (%)</translation>
        </message>
        <message>
            <source>本期借阅读者 ÷ 服务职工人数 × 100；人数未填时空白</source>
            <translation>Borrowing readers ÷ workers served × 100; blank when the number of workers is not filled in</translation>
        </message>
        <message>
            <source>本期借出（册次）</source>
            <translation>Loans</translation>
        </message>
        <message>
            <source>本期借出的次数</source>
            <translation>Loans made in the period</translation>
        </message>
        <message>
            <source>本期归还（册次）</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>本期归还的次数</source>
            <translation>Loans returned in the period</translation>
        </message>
        <message>
            <source>本期续借（次）</source>
            <translation>Renewals</translation>
        </message>
        <message>
            <source>本期续借的次数</source>
            <translation>Renewals in the period</translation>
        </message>
        <message>
            <source>本期刷证入馆的人次与登记的到馆人数之和</source>
            <translation>Cards scanned at the door in the period plus the visitors counted by head</translation>
        </message>
        <message>
            <source>本期在书屋内阅览登记的册次（不外借）</source>
            <translation>Copies recorded as read in the room in the period (not lent)</translation>
        </message>
        <message>
            <source>预约（次）</source>
            <translation>Holds</translation>
        </message>
        <message>
            <source>本期读者预约图书的次数</source>
            <translation>Holds readers placed in the period</translation>
        </message>
        <message>
            <source>催还（次）</source>
            <translation>Reminders</translation>
        </message>
        <message>
            <source>本期发出的催还通知次数</source>
            <translation>Reminder notices given in the period</translation>
        </message>
        <message>
            <source>人均借阅（册次）</source>
            <translation>Loans per reader</translation>
        </message>
        <message>
            <source>本期借出 ÷ 登记读者</source>
            <translation>Loans ÷ registered readers</translation>
        </message>
        <message>
            <source>图书流通率（%）</source>
            <translation>Circulation (%)</translation>
        </message>
        <message>
            <source>本期借出过的不同册数 ÷ 藏书总量 × 100</source>
            <translation>Distinct copies lent in the period ÷ holdings × 100</translation>
        </message>
        <message>
            <source>逾期未还（册）</source>
            <translation>Overdue (volumes)</translation>
        </message>
        <message>
            <source>期末（或今天，取较早者）仍未归还且已过应还日期</source>
            <translation>Still out and past due at the period's end (or today, if earlier)</translation>
        </message>
        <message>
            <source>阅读活动（次）</source>
            <translation>Reading activities</translation>
        </message>
        <message>
            <source>本期举办的阅读活动</source>
            <translation>Activities held in the period</translation>
        </message>
        <message>
            <source>活动参与（人次）</source>
            <translation>Activity attendance</translation>
        </message>
        <message>
            <source>本期阅读活动参与人数之和</source>
            <translation>Sum of the participants of the period's activities</translation>
        </message>
        <message>
            <source>志愿者（人）</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <source>期末在册的阅读推广志愿者</source>
            <translation>Reading-promotion volunteers on the register at the period's end</translation>
        </message>
        <message>
            <source>值班时长（小时）</source>
            <translation>Duty hours</translation>
        </message>
        <message>
            <source>本期已结束的值班时长之和</source>
            <translation>Hours of the duty shifts ended in the period</translation>
        </message>
        <message>
            <source>最近盘点日期</source>
            <translation>Last stocktake</translation>
        </message>
        <message>
            <source>期末前最近一次完成的盘点的结束日期</source>
            <translation>When the last stocktake finished by the period's end ended</translation>
        </message>
        <message>
            <source>盘点缺失（册）</source>
            <translation>Missing at stocktake</translation>
        </message>
        <message>
            <source>该次盘点发现缺失的册数</source>
            <translation>Copies that stocktake found missing</translation>
        </message>
        <message>
            <source>到馆人次</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>阅览册次</source>
            <translation>Reads in the room</translation>
        </message>
    </context>
    <context>
        <name>init</name>
        <message>
            <source>已新建空书屋：{path}</source>
            <translation>Created an empty room: {path}</translation>
        </message>
    </context>
    <context>
        <name>labels</name>
        <message>
            <source>读者证</source>
            <extracomment>Smallest text printed on a label; below it a line is shortened with an ellipsis instead.</extracomment>
            <translation>Reader card</translation>
        </message>
        <message>
            <source>{room}读者证</source>
            <translation>{room} reader card</translation>
        </message>
        <message>
            <source>分类号 {first}–{last}</source>
            <translation>Classes {first}–{last}</translation>
        </message>
        <message>
            <source>分类号 {first}</source>
            <translation>Class {first}</translation>
        </message>
        <message>
            <source>标签</source>
            <translation>Labels</translation>
        </message>
        <message>
            <source>{title}　{columns}×{rows}，{width}×{height} 毫米</source>
            <extracomment>Room for a printer's misfeed: a sheet's labels may not go past the paper by more than this.</extracomment>
            <translation>{title}  {columns}×{rows}, {width}×{height} mm</translation>
        </message>
        <message>
            <source>A4 不干胶 24 格</source>
            <extracomment>The usual A4 label papers sold in China (不干胶标签纸), by the key the CLI takes.</extracomment>
            <translation>A4 adhesive (24)</translation>
        </message>
        <message>
            <source>A4 不干胶 30 格</source>
            <translation>A4 adhesive (30)</translation>
        </message>
        <message>
            <source>A4 不干胶 40 格</source>
            <translation>A4 adhesive (40)</translation>
        </message>
        <message>
            <source>A4 不干胶 14 格</source>
            <translation>A4 adhesive (14)</translation>
        </message>
        <message>
            <source>A4 不干胶 65 格</source>
            <translation>A4 adhesive (65)</translation>
        </message>
        <message>
            <source>A4 书标纸 70 格</source>
            <translation>A4 spine labels (70)</translation>
        </message>
        <message>
            <source>A4 名片纸 10 格（读者证）</source>
            <translation>A4 cards (10, reader cards)</translation>
        </message>
        <message>
            <source>自定义</source>
            <extracomment>The sheet each kind of label uses unless the user picks another.</extracomment>
            <translation>Custom</translation>
        </message>
    </context>
    <context>
        <name>labels_cli</name>
        <message>
            <source>{count} 册还没有索书号，未印书标：{codes}</source>
            <translation>{count} copies have no call number yet, no spine label printed: {codes}</translation>
        </message>
        <message>
            <source>警告：标签太窄，{codes} 的条码线条会细于 0.25 毫米，廉价扫描枪可能读不出。</source>
            <translation>Warning: labels too narrow; the bars of {codes} would be finer than 0.25 mm and a cheap scanner may not read them.</translation>
        </message>
        <message>
            <source>已生成 {labels} 个标签，{pages} 页（{layout}）：{file}</source>
            <translation>Wrote {file}: labels {labels}, pages {pages} ({layout})</translation>
        </message>
    </context>
    <context>
        <name>losses</name>
        <message>
            <source>以书赔书</source>
            <translation>replaced by a copy</translation>
        </message>
        <message>
            <source>照价赔偿</source>
            <translation>paid the price</translation>
        </message>
        <message>
            <source>免赔</source>
            <translation>waived</translation>
        </message>
    </context>
    <context>
        <name>migrate_to</name>
        <message>
            <source>正在目标数据库建表并复制数据…</source>
            <translation>Creating the tables in the target database and copying the data…</translation>
        </message>
        <message>
            <source>表</source>
            <translation>Table</translation>
        </message>
        <message>
            <source>原数据库（行）</source>
            <translation>Source (rows)</translation>
        </message>
        <message>
            <source>PostgreSQL（行）</source>
            <translation>PostgreSQL (rows)</translation>
        </message>
        <message>
            <source>核对不一致：表 {tables}；统计 {stats}。请勿使用目标数据库，并联系管理员。</source>
            <translation>The check found differences: tables {tables}; figures {stats}. Do not use the target database; contact the administrator.</translation>
        </message>
        <message>
            <source>复制完成并已核对：{tables} 张表的行数一致，stats 的各项数字一致。</source>
            <translation>Copied and checked: the row counts of all {tables} tables match, and so does every figure of stats.</translation>
        </message>
        <message>
            <source>今后请各台电脑用 --db 或环境变量 BOOKROOM_DB 指向 {url}。PostgreSQL 数据库的备份由服务器管理员负责（例如每天用 pg_dump），本程序不备份它。</source>
            <translation>From now on point every desk at {url} with --db or the BOOKROOM_DB environment variable. Backing up a PostgreSQL database is the server administrator's job (for example pg_dump every day); this program does not back it up.</translation>
        </message>
    </context>
    <context>
        <name>notices_cli</name>
        <message>
            <source>{stage}（{days}）：{readers} 位读者，{books} 册</source>
            <translation>{stage} ({days}): {readers} reader(s), {books} book(s)</translation>
        </message>
        <message>
            <source>今天没有要发的催还通知，没有写文件。</source>
            <translation>No reminders are due today; no file was written.</translation>
        </message>
        <message>
            <source>已写入 {path}：{readers} 位读者，{books} 册。</source>
            <translation>Wrote {path}: {readers} reader(s), {books} book(s).</translation>
        </message>
        <message>
            <source>已记录 {count} 条催还，下次只发下一阶段。</source>
            <translation>Recorded {count} reminder(s); the next run gives only the next stage.</translation>
        </message>
        <message>
            <source>试运行：没有记录催还，下次仍会发这些通知。</source>
            <translation>Dry run: no reminders recorded; the next run gives these notices again.</translation>
        </message>
        <message>
            <source>催还阶段（相对应还日期的天数）：{stages}</source>
            <translation>Reminder stages (days relative to the due date): {stages}</translation>
        </message>
        <message>
            <source>{days}：{label}</source>
            <translation>{days}: {label}</translation>
        </message>
    </context>
    <context>
        <name>os_errors</name>
        <message>
            <source>没有这个文件或文件夹</source>
            <extracomment>What the operating system's error numbers mean, in the volunteer's words (the system's own are English only).</extracomment>
            <translation>No such file or folder</translation>
        </message>
        <message>
            <source>没有权限（文件可能正被别的程序打开，或不允许这样读写）</source>
            <translation>No permission (the file may be open in another program, or reading or writing it is not allowed)</translation>
        </message>
        <message>
            <source>磁盘已满</source>
            <translation>The disk is full</translation>
        </message>
        <message>
            <source>文件太大，这个磁盘放不下</source>
            <translation>The file is too large for this disk</translation>
        </message>
        <message>
            <source>这是一个文件夹，不是文件</source>
            <translation>This is a folder, not a file</translation>
        </message>
        <message>
            <source>路径中有一部分不是文件夹</source>
            <translation>Part of the path is not a folder</translation>
        </message>
        <message>
            <source>磁盘只能读、不能写</source>
            <translation>The disk is read-only</translation>
        </message>
        <message>
            <source>已有同名的文件或文件夹</source>
            <translation>A file or folder of that name already exists</translation>
        </message>
        <message>
            <source>文件正被占用（可能正被别的程序使用）</source>
            <translation>The file is in use (perhaps by another program)</translation>
        </message>
        <message>
            <source>文件名或路径太长</source>
            <translation>The file name or path is too long</translation>
        </message>
        <message>
            <source>读写磁盘时出错（磁盘或U盘可能有故障）</source>
            <translation>The disk could not be read or written (the disk or USB stick may be faulty)</translation>
        </message>
    </context>
    <context>
        <name>overdue</name>
        <message>
            <source>部门</source>
            <extracomment>The most lines the list shows or exports (a room with more has bigger problems than a list).</extracomment>
            <translation>Department</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>工号</source>
            <translation>Employee no.</translation>
        </message>
        <message>
            <source>手机</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>图书条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>借出日期</source>
            <translation>Lent on</translation>
        </message>
        <message>
            <source>应还日期</source>
            <translation>Due on</translation>
        </message>
        <message>
            <source>逾期天数</source>
            <translation>Days overdue</translation>
        </message>
        <message>
            <source>逾期未还</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>{room}逾期未还图书（截至 {day}）</source>
            <translation>{room} overdue books (as of {day})</translation>
        </message>
        <message>
            <source>按部门汇总</source>
            <translation>By department</translation>
        </message>
        <message>
            <source>逾期读者（人）</source>
            <translation>Readers overdue</translation>
        </message>
        <message>
            <source>逾期图书（册）</source>
            <translation>Books overdue</translation>
        </message>
        <message>
            <source>最长逾期（天）</source>
            <translation>Longest (days)</translation>
        </message>
    </context>
    <context>
        <name>overrides</name>
        <message>
            <source>已借满</source>
            <extracomment>The refusals an administrator may let through: name -&gt; what it is, as the messages and the history say it.</extracomment>
            <translation>at the loan limit</translation>
        </message>
        <message>
            <source>有逾期未还</source>
            <translation>overdue books</translation>
        </message>
        <message>
            <source>{first}、{rest}</source>
            <translation>{first}, {rest}</translation>
        </message>
        <message>
            <source>放行原因</source>
            <translation>Reason for the override</translation>
        </message>
        <message>
            <source>为他人预约保留</source>
            <translation>kept for another reader's hold</translation>
        </message>
    </context>
    <context>
        <name>pool_cli</name>
        <message>
            <source>已载入“{source}”：{rows} 条，新增 {added} 条，书目库已有 {duplicates} 条。</source>
            <translation>Loaded "{source}": {rows} records, {added} new, {duplicates} already in the record pool.</translation>
        </message>
        <message>
            <source>书目库和本书屋都没有这个ISBN。</source>
            <translation>Neither the record pool nor this room has this ISBN.</translation>
        </message>
        <message>
            <source>按ISBN的出版者前缀，出版社可能是“{publisher}”。</source>
            <translation>By the ISBN's publisher prefix, the publisher may be "{publisher}".</translation>
        </message>
        <message>
            <source>本书屋</source>
            <translation>This room</translation>
        </message>
        <message>
            <source>书目库共 {records} 条书目，{isbns} 个ISBN。</source>
            <translation>The record pool holds {records} records for {isbns} ISBNs.</translation>
        </message>
        <message>
            <source>{source}：{count} 条，最近载入 {at}</source>
            <translation>{source}: {count} records, last loaded {at}</translation>
        </message>
    </context>
    <context>
        <name>publish_catalogue</name>
        <message>
            <source>已发布 {titles} 种图书（{copies} 册，在架 {on_shelf} 册，新书 {new_titles} 种）到 {path}，共 {files} 个文件，首屏 {first_kb} KB。打开 {index} 即可查看。</source>
            <translation>Published {titles} titles ({copies} copies, {on_shelf} on the shelf, {new_titles} new) to {path}: {files} files, {first_kb} KB for the first screen. Open {index} to see it.</translation>
        </message>
        <message>
            <source>书屋里还没有可公开的藏书；已发布的页面会这样说明。打开 {index} 即可查看。</source>
            <translation>The room has no books to publish yet; the published page says so. Open {index} to see it.</translation>
        </message>
        <message>
            <source>发布地址：{url}</source>
            <translation>Address: {url}</translation>
        </message>
    </context>
    <context>
        <name>publishing</name>
        <message>
            <source>职工书屋</source>
            <translation>Workers' Reading Room</translation>
        </message>
        <message>
            <source>新书通报</source>
            <translation>New Books</translation>
        </message>
        <message>
            <source>{start} 至 {end}</source>
            <translation>{start} to {end}</translation>
        </message>
        <message>
            <source>{start} 以来</source>
            <translation>since {start}</translation>
        </message>
        <message>
            <source>截至 {end}</source>
            <translation>up to {end}</translation>
        </message>
        <message>
            <source>第 {batch} 批（{day} 导入）</source>
            <translation>batch {batch} (imported {day})</translation>
        </message>
        <message>
            <source>第 {batch} 批（{day} 导入，{supplier}）</source>
            <translation>batch {batch} (imported {day}, {supplier})</translation>
        </message>
        <message>
            <source>新到图书 {titles} 种 {copies} 册，按索书号排列</source>
            <translation>{titles} new titles, {copies} copies, in call-number order</translation>
        </message>
        <message>
            <source>这段时间没有新到的图书。</source>
            <translation>No new books came in this period.</translation>
        </message>
        <message>
            <source>这一批没有在藏的图书（可能都已剔除或遗失）。</source>
            <translation>None of this batch's books is held now (they may have been withdrawn or lost).</translation>
        </message>
        <message>
            <source>在架：现在架上可借的册数；新到：这次新到的册数。欢迎来借阅！</source>
            <translation>Avail.: copies on the shelf to borrow now; new: copies that came in. Come and borrow!</translation>
        </message>
        <message>
            <source>第 {page} 页 共 {pages} 页</source>
            <translation>Page {page} of {pages}</translation>
        </message>
        <message>
            <source>第 {part} 张，共 {parts} 张</source>
            <translation>Image {part} of {parts}</translation>
        </message>
        <message>
            <source>开放时间</source>
            <translation>Opening hours</translation>
        </message>
        <message>
            <source>数字阅读服务</source>
            <translation>Digital reading service</translation>
        </message>
        <message>
            <source>扫码查看馆藏书目</source>
            <translation>Scan to see the catalogue</translation>
        </message>
        <message>
            <source>联系人：{contact}</source>
            <translation>Contact: {contact}</translation>
        </message>
        <message>
            <source>电话：{phone}</source>
            <translation>Phone: {phone}</translation>
        </message>
        <message>
            <source>地址：{address}</source>
            <translation>Address: {address}</translation>
        </message>
        <message>
            <source>欢迎职工朋友们来书屋读书、借书</source>
            <translation>All workers are welcome to read and borrow here</translation>
        </message>
        <message>
            <source>{first}　{second}</source>
            <translation>{first}  ·  {second}</translation>
        </message>
        <message>
            <source>开放时间请咨询书屋管理员</source>
            <translation>Ask the room's librarian for the opening hours</translation>
        </message>
        <message>
            <source>索书号</source>
            <translation>Call no.</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>著者</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>出版社</source>
            <translation>Publisher</translation>
        </message>
        <message>
            <source>年</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>在架/新到</source>
            <translation>Avail./ new</translation>
        </message>
        <message>
            <source>书架</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <source>索书号 {call_number}</source>
            <translation>Call no. {call_number}</translation>
        </message>
        <message>
            <source>书架 {shelf}</source>
            <translation>Shelf {shelf}</translation>
        </message>
        <message>
            <source>在架 {on_shelf}/新到 {arrived}</source>
            <translation>On shelf {on_shelf}/new {arrived}</translation>
        </message>
        <message>
            <source>　</source>
            <translation>  ·  </translation>
        </message>
    </context>
    <context>
        <name>publishing_cli</name>
        <message>
            <source>{scope}：新到图书 {titles} 种 {copies} 册。</source>
            <translation>{scope}: {titles} new titles, {copies} copies.</translation>
        </message>
        <message>
            <source>{scope}：没有新到的图书；通报照样写出，说明没有新书。</source>
            <translation>{scope}: no new books; the notice is written all the same and says so.</translation>
        </message>
        <message>
            <source>已保存新书通报（{pages} 页）：{path}</source>
            <translation>New-book notice saved ({pages} pages): {path}</translation>
        </message>
        <message>
            <source>已保存新书通报图片：{path}</source>
            <translation>New-book notice image saved: {path}</translation>
        </message>
        <message>
            <source>通报较长，分成了 {count} 张图片（每张不超过 {most} 像素高），请按顺序发送：</source>
            <translation>The notice is long and was split into {count} images (none taller than {most} pixels); send them in order:</translation>
        </message>
        <message>
            <source>已保存海报（{size}）：{path}</source>
            <translation>Poster saved ({size}): {path}</translation>
        </message>
        <message>
            <source>二维码指向 {url}，请用手机扫一下试试。</source>
            <translation>The QR code points to {url}; scan it with a phone to try it.</translation>
        </message>
        <message>
            <source>海报上没有二维码：没有给出 --url（发布书目的网址），以前发布书目时也没有记下网址。要加二维码，请用 --url 给出网址再生成一次。</source>
            <translation>The poster has no QR code: no --url (the published catalogue's address) was given, and none was remembered from publishing the catalogue. For a QR code, make the poster again with --url.</translation>
        </message>
    </context>
    <context>
        <name>punctuation</name>
        <message>
            <source>、</source>
            <extracomment>The punctuation that composes one message from parts: full-width in Chinese, ASCII and a space in English. Between the names of a list (“甲、乙、丙”).</extracomment>
            <translation>, </translation>
        </message>
        <message>
            <source>；</source>
            <extracomment>Between whole phrases (“书号：…；书名：…”).</extracomment>
            <translation>; </translation>
        </message>
        <message>
            <source>：</source>
            <extracomment>Between a label and what it says (“书号：校验位不对”).</extracomment>
            <translation>: </translation>
        </message>
    </context>
    <context>
        <name>reader_cli</name>
        <message>
            <source>已写入 {path}</source>
            <translation>Written to {path}</translation>
        </message>
        <message>
            <source>已删除读者证 {card} 的个人信息，{count} 笔借阅记录已匿名化。</source>
            <translation>Personal data of reader card {card} erased; {count} loans anonymised.</translation>
        </message>
        <message>
            <source>{how} {amount} 元</source>
            <translation>{how} {amount} yuan</translation>
        </message>
        <message>
            <source>{how}，新书 {barcode} 已入藏</source>
            <translation>{how}, new copy {barcode} added</translation>
        </message>
        <message>
            <source>《{title}》（{barcode}）已登记遗失：{how}。</source>
            <translation>"{title}" ({barcode}) recorded as lost: {how}.</translation>
        </message>
    </context>
    <context>
        <name>readers</name>
        <message>
            <source>姓名</source>
            <extracomment>Editable reader fields and their longest allowed length (the columns' sizes).</extracomment>
            <translation>Name</translation>
        </message>
        <message>
            <source>工号</source>
            <translation>Employee no.</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>手机</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Card number</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>record_pool</name>
        <message>
            <source>ISBN</source>
            <extracomment>Each field's name in a problem's column when the records do not come from a table.</extracomment>
            <translation>ISBN</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>其他题名</source>
            <translation>Other title</translation>
        </message>
        <message>
            <source>著者</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>出版社</source>
            <translation>Publisher</translation>
        </message>
        <message>
            <source>出版地</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>出版年</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>定价</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>分类号</source>
            <translation>Class number</translation>
        </message>
        <message>
            <source>页数</source>
            <translation>Pages</translation>
        </message>
        <message>
            <source>丛书</source>
            <translation>Series</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
    </context>
    <context>
        <name>reminders</name>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>借出</source>
            <translation>Lent</translation>
        </message>
        <message>
            <source>应还</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Reader card</translation>
        </message>
        <message>
            <source>手机</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>{room}催还清单：{department}</source>
            <translation>{room} reminder list: {department}</translation>
        </message>
        <message>
            <source>截至 {day}：{readers} 位读者，{books} 册。请部门联系人转告以下读者按时还书。</source>
            <translation>As of {day}: {readers} reader(s), {books} book(s). The department's contact is asked to remind these readers to return their books.</translation>
        </message>
        <message>
            <source>{room}催还清单</source>
            <translation>{room} reminder lists</translation>
        </message>
        <message>
            <source>{room}催还通知</source>
            <translation>{room}: overdue notice</translation>
        </message>
        <message>
            <source>（未填部门）</source>
            <translation>(no department)</translation>
        </message>
        <message>
            <source>职工书屋</source>
            <translation>Workers' reading room</translation>
        </message>
        <message>
            <source>还有 {days} 天到期</source>
            <translation>due in {days} days</translation>
        </message>
        <message>
            <source>已到期</source>
            <translation>past due</translation>
        </message>
        <message>
            <source>今天到期</source>
            <translation>due today</translation>
        </message>
        <message>
            <source>已逾期 {days} 天</source>
            <translation>{days} days overdue</translation>
        </message>
        <message>
            <source>{room}还书提醒</source>
            <translation>{room}: return reminder</translation>
        </message>
        <message>
            <source>{name}同志（读者证 {card}，{department}）：</source>
            <translation>Dear {name} (reader card {card}, {department}),</translation>
        </message>
        <message>
            <source>您从{room}借阅的以下 {count} 册图书已到期或逾期，请尽快归还；如需继续阅读，请到书屋办理续借。谢谢配合！</source>
            <translation>The {count} book(s) below that you borrowed from {room} are due or overdue. Please return them as soon as you can; to keep reading, renew them at the reading room. Thank you!</translation>
        </message>
        <message>
            <source>您从{room}借阅的以下 {count} 册图书即将到期，请按时归还；如需继续阅读，请到书屋办理续借。</source>
            <translation>The {count} book(s) below that you borrowed from {room} are due soon. Please return them on time; to keep reading, renew them at the reading room.</translation>
        </message>
        <message>
            <source>联系人：{contact} {phone}</source>
            <translation>Contact: {contact} {phone}</translation>
        </message>
        <message>
            <source>、</source>
            <translation>; </translation>
        </message>
        <message>
            <source>《{title}》（应还 {due}，{state}）</source>
            <translation>"{title}" (due {due}, {state})</translation>
        </message>
        <message>
            <source>{name}您好：您从{room}借阅的 {books} 请尽快归还。{contact}</source>
            <translation>Hello {name}: please return as soon as you can what you borrowed from {room}: {books}. {contact}</translation>
        </message>
        <message>
            <source>{name}您好：您从{room}借阅的 {books} 请按时归还或续借。{contact}</source>
            <translation>Hello {name}: please return on time, or renew, what you borrowed from {room}: {books}. {contact}</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>册数</source>
            <translation>Books</translation>
        </message>
        <message>
            <source>催还阶段</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>消息内容</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>图书条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>借出日期</source>
            <translation>Lent on</translation>
        </message>
        <message>
            <source>应还日期</source>
            <translation>Due on</translation>
        </message>
        <message>
            <source>催还消息</source>
            <translation>Messages</translation>
        </message>
        <message>
            <source>{room}催还（{day}）</source>
            <translation>{room} reminders ({day})</translation>
        </message>
        <message>
            <source>{room}催还清单：{department}（{day}）</source>
            <translation>{room} reminder list: {department} ({day})</translation>
        </message>
        <message>
            <source>到期前 {days} 天</source>
            <translation>{days} days before due</translation>
        </message>
        <message>
            <source>到期当日</source>
            <translation>On the due day</translation>
        </message>
        <message>
            <source>逾期 {days} 天</source>
            <translation>{days} days overdue</translation>
        </message>
    </context>
    <context>
        <name>renumber_cli</name>
        <message>
            <source>分类号 {low}–{high}：{unchanged} 种书的索书号已是连续的种次号，没有要改的。</source>
            <translation>Classes {low}–{high}: the {unchanged} titles already run 1, 2, 3 …; there is nothing to change.</translation>
        </message>
        <message>
            <source>分类号 {low}–{high}：将改 {titles} 种书（{copies} 册）的索书号，{unchanged} 种不变。</source>
            <translation>Classes {low}–{high}: the call numbers of {titles} titles ({copies} copies) will change; {unchanged} stay as they are.</translation>
        </message>
        <message>
            <source>已改 {titles} 种书的索书号（改动前已备份）。{copies} 册要换书标，可这样印出：</source>
            <translation>Changed the call numbers of {titles} titles (after a backup). {copies} copies need new spine labels; print them with:</translation>
        </message>
        <message>
            <source>（--dry-run：什么也没有改）</source>
            <translation>(--dry-run: nothing was changed)</translation>
        </message>
    </context>
    <context>
        <name>report_pdf</name>
        <message>
            <source>{room}　统计期间：{start} 至 {end}</source>
            <translation>{room}, period: {start} to {end}</translation>
        </message>
        <message>
            <source>统计期间：{start} 至 {end}</source>
            <translation>Period: {start} to {end}</translation>
        </message>
        <message>
            <source>第 {page} 页 共 {pages} 页</source>
            <translation>Page {page} of {pages}</translation>
        </message>
        <message>
            <source>{label}　{value}（{share}%）</source>
            <translation>{label}  {value} ({share}%)</translation>
        </message>
    </context>
    <context>
        <name>reports</name>
        <message>
            <source>（未填部门）</source>
            <translation>(no department)</translation>
        </message>
        <message>
            <source>这段时间没有借阅。</source>
            <translation>No loans in this period.</translation>
        </message>
        <message>
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>读者数</source>
            <translation>Readers</translation>
        </message>
        <message>
            <source>（读者信息已匿名）</source>
            <translation>(reader anonymised)</translation>
        </message>
        <message>
            <source>（未分类）</source>
            <translation>(unclassified)</translation>
        </message>
        <message>
            <source>期末没有藏书，也没有借阅。</source>
            <translation>No holdings at the end of the period, and no loans.</translation>
        </message>
        <message>
            <source>列出借阅最多的前 {top} 名（共 {count} 名读者有借阅）。</source>
            <translation>The top {top} by loans ({count} readers borrowed).</translation>
        </message>
        <message>
            <source>列出借阅最多的前 {top} 种（共 {count} 种有借阅）。</source>
            <translation>The top {top} titles by loans ({count} titles were lent).</translation>
        </message>
        <message>
            <source>藏书为期末在藏册数；周转率 = 借阅册次 ÷ 藏书册数。</source>
            <translation>Holdings are the volumes held at the end of the period; turnover = loans ÷ volumes.</translation>
        </message>
        <message>
            <source>借书人数</source>
            <translation>Borrowers</translation>
        </message>
        <message>
            <source>借阅册次</source>
            <translation>Loans</translation>
        </message>
        <message>
            <source>人均册次</source>
            <translation>Loans per reader</translation>
        </message>
        <message>
            <source>读者类别</source>
            <translation>Reader category</translation>
        </message>
        <message>
            <source>名次</source>
            <translation>Rank</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>借过的册数</source>
            <translation>Copies borrowed</translation>
        </message>
        <message>
            <source>借出册数</source>
            <translation>Copies lent</translation>
        </message>
        <message>
            <source>中图法大类</source>
            <translation>CLC class</translation>
        </message>
        <message>
            <source>藏书册数</source>
            <translation>Volumes</translation>
        </message>
        <message>
            <source>周转率</source>
            <translation>Turnover</translation>
        </message>
        <message>
            <source>各部门借阅排行</source>
            <translation>Loans by department</translation>
        </message>
        <message>
            <source>每个部门的读者数、借过书的人数、借阅册次和人均册次，借得多的在前。</source>
            <translation>Each department's readers, the readers who borrowed, loans and loans per reader, the most first.</translation>
        </message>
        <message>
            <source>各类读者借阅排行</source>
            <translation>Loans by reader category</translation>
        </message>
        <message>
            <source>每个读者类别的读者数、借过书的人数、借阅册次和人均册次，借得多的在前。</source>
            <translation>Each reader category's readers, the readers who borrowed, loans and loans per reader, the most first.</translation>
        </message>
        <message>
            <source>读者借阅排行</source>
            <translation>Top readers</translation>
        </message>
        <message>
            <source>借阅最多的读者（默认前 50 名）：借阅册次和借过的册数。</source>
            <translation>The readers who borrowed most (the top 50 by default): loans and copies borrowed.</translation>
        </message>
        <message>
            <source>图书借阅排行</source>
            <translation>Top titles</translation>
        </message>
        <message>
            <source>借阅最多的图书（默认前 50 种）：借阅册次和借出过的册数。</source>
            <translation>The titles lent most (the top 50 by default): loans and copies lent.</translation>
        </message>
        <message>
            <source>中图法各大类借阅与藏书</source>
            <translation>Loans and holdings by CLC class</translation>
        </message>
        <message>
            <source>中图法 22 个基本大类的期末藏书册数、借阅册次和周转率（借阅册次 ÷ 藏书册数）。</source>
            <translation>The 22 basic CLC classes: volumes held at the end of the period, loans and turnover (loans ÷ volumes).</translation>
        </message>
        <message>
            <source>借阅</source>
            <translation>Loans</translation>
        </message>
        <message>
            <source>期间：{label}（{dates}）</source>
            <translation>Period: {label} ({dates})</translation>
        </message>
        <message>
            <source>已保存报表：{path}</source>
            <translation>Report saved: {path}</translation>
        </message>
        <message>
            <source>（没有数据）</source>
            <translation>(nothing to show)</translation>
        </message>
        <message>
            <source>中文</source>
            <extracomment>The kinds of column a report has: how a value is shown and summed. The kinds of chart the page draws beside a table. Every report, by name, as its module registered it; services.reporting.report_list imports them all.</extracomment>
            <translation>English</translation>
        </message>
        <message>
            <source>{day} 前入藏、{day} 以来没有借出过的在藏图书，共 {count} 册；最后借出为空的从未借出。</source>
            <translation>{count} copies held, acquired before {day} and not lent since {day}; a blank last loan means never lent.</translation>
        </message>
        <message>
            <source>{day} 前入藏的在藏图书自那以后都借出过。</source>
            <translation>Every copy held that was acquired before {day} has been lent since.</translation>
        </message>
        <message>
            <source>没有 {day} 前入藏的在藏图书。</source>
            <translation>No copy held was acquired before {day}.</translation>
        </message>
        <message>
            <source>这段时间没有新入藏的图书。</source>
            <translation>No copies acquired in this period.</translation>
        </message>
        <message>
            <source>金额为实付价，没有实付价的按定价计。</source>
            <translation>Amounts are the prices paid, or the list price where none was recorded.</translation>
        </message>
        <message>
            <source>截至 {end} 登记的全部 {count} 册，按登记号（条码）排列，其中在藏 {held} 册；合计为在藏图书的金额。金额为实付价，没有实付价的按定价计。</source>
            <translation>All {count} copies accessioned by {end}, in accession (barcode) order, {held} of them still held; the total is the amount of those held. Amounts are the price paid, or the list price where none was recorded.</translation>
        </message>
        <message>
            <source>这一天以前还没有登记入藏的图书。</source>
            <translation>No copies had been accessioned by then.</translation>
        </message>
        <message>
            <source>（未经批次）</source>
            <translation>(no batch)</translation>
        </message>
        <message>
            <source>藏书</source>
            <translation>Holdings</translation>
        </message>
        <message>
            <source>书架</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <source>索书号</source>
            <translation>Call number</translation>
        </message>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>题名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>责任者</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>入藏日期</source>
            <translation>Acquired</translation>
        </message>
        <message>
            <source>最后借出</source>
            <translation>Last lent</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>种数</source>
            <translation>Titles</translation>
        </message>
        <message>
            <source>册数</source>
            <translation>Volumes</translation>
        </message>
        <message>
            <source>金额（元）</source>
            <translation>Amount (yuan)</translation>
        </message>
        <message>
            <source>批次</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>到书日期</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>供书单位</source>
            <translation>Supplier</translation>
        </message>
        <message>
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <source>登记号</source>
            <translation>Accession no.</translation>
        </message>
        <message>
            <source>注销日期</source>
            <translation>Withdrawn on</translation>
        </message>
        <message>
            <source>注销原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>剔旧清单（多年未借）</source>
            <translation>Weeding list (not lent for years)</translation>
        </message>
        <message>
            <source>几年来（默认 3 年）没有借出过的在藏图书，按排架顺序，附入藏日期和最后借出日期。</source>
            <translation>Copies held that have not been lent for years (3 by default), in shelf order, with the date acquired and the last loan.</translation>
        </message>
        <message>
            <source>新书入藏（按来源）</source>
            <translation>Acquisitions by source</translation>
        </message>
        <message>
            <source>这段时间入藏的图书按来源统计种数、册数和金额。</source>
            <translation>The titles, volumes and amount acquired in this period, by source.</translation>
        </message>
        <message>
            <source>新书入藏（按批次）</source>
            <translation>Acquisitions by batch</translation>
        </message>
        <message>
            <source>这段时间入藏的图书按导入批次统计种数、册数和金额。</source>
            <translation>The titles, volumes and amount acquired in this period, by import batch.</translation>
        </message>
        <message>
            <source>财产登记簿</source>
            <translation>Asset ledger</translation>
        </message>
        <message>
            <source>截至期末登记入藏的每一册：登记号、题名、金额、入藏日期、来源、批次，以及注销日期和原因；合计为在藏图书的金额。</source>
            <translation>Every copy accessioned by the end of the period: accession number, title, amount, date, source, batch, and when and why it was withdrawn; the total is the amount of those still held.</translation>
        </message>
        <message>
            <source>书屋还没有登记读者。</source>
            <translation>The room has no readers registered yet.</translation>
        </message>
        <message>
            <source>这段时间每位在册读者都借过书。</source>
            <translation>Every registered reader borrowed in this period.</translation>
        </message>
        <message>
            <source>{count} 位在册读者这段时间没有借过书（共 {readers} 位）。</source>
            <translation>{count} of {readers} registered readers did not borrow in this period.</translation>
        </message>
        <message>
            <source>按 {day} 在借的图书计算逾期。</source>
            <translation>Overdue counted among the loans out on {day}.</translation>
        </message>
        <message>
            <source>{day} 没有逾期未还的图书。</source>
            <translation>No loans overdue on {day}.</translation>
        </message>
        <message>
            <source>读者</source>
            <translation>Readers</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>登记日期</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>在借册数</source>
            <translation>On loan</translation>
        </message>
        <message>
            <source>逾期册数</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>逾期人数</source>
            <translation>Readers overdue</translation>
        </message>
        <message>
            <source>逾期占在借（%）</source>
            <translation>Overdue of on loan (%)</translation>
        </message>
        <message>
            <source>最长逾期（天）</source>
            <translation>Longest overdue (days)</translation>
        </message>
        <message>
            <source>未借阅读者名单</source>
            <translation>Readers who did not borrow</translation>
        </message>
        <message>
            <source>在册却在这段时间没有借过书的读者，按部门排列，附电话，便于联系。</source>
            <translation>Registered readers who borrowed nothing in this period, by department, with their phone numbers to reach them.</translation>
        </message>
        <message>
            <source>各部门逾期未还</source>
            <translation>Overdue by department</translation>
        </message>
        <message>
            <source>期末（或今天）在借的图书中逾期未还的册数和人数，按部门，逾期多的在前。</source>
            <translation>The loans out at the end of the period (or today) that were overdue, and their readers, by department, the most first.</translation>
        </message>
        <message>
            <source>（未记录）</source>
            <translation>(not recorded)</translation>
        </message>
        <message>
            <source>这段时间没有借还，也没有值班。</source>
            <translation>No loans, returns or duty in this period.</translation>
        </message>
        <message>
            <source>借出、还回按办理的人统计；值班时长只计已结束的班次。</source>
            <translation>Loans and returns are counted by who handled them; duty hours count finished shifts only.</translation>
        </message>
        <message>
            <source>这段时间没有到馆和阅览登记。</source>
            <translation>No visits or in-room reading recorded in this period.</translation>
        </message>
        <message>
            <source>到馆人次 = 刷卡入馆 + 人数登记。</source>
            <translation>Visits = card visits + head counts.</translation>
        </message>
        <message>
            <source>工作</source>
            <translation>Room work</translation>
        </message>
        <message>
            <source>借出册次</source>
            <translation>Loans</translation>
        </message>
        <message>
            <source>还回册次</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>值班次数</source>
            <translation>Shifts</translation>
        </message>
        <message>
            <source>值班时长（小时）</source>
            <translation>Duty (hours)</translation>
        </message>
        <message>
            <source>刷卡入馆</source>
            <translation>Card visits</translation>
        </message>
        <message>
            <source>人数登记</source>
            <translation>Head counts</translation>
        </message>
        <message>
            <source>到馆人次</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>阅览册次</source>
            <translation>Read in the room</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>志愿者工作量</source>
            <translation>Work by volunteer</translation>
        </message>
        <message>
            <source>每位工作人员、志愿者办理的借出和还回册次，以及值班次数和时长。</source>
            <translation>The loans and returns each staff member or volunteer handled, and their shifts and hours on duty.</translation>
        </message>
        <message>
            <source>到馆与阅览（按日）</source>
            <translation>Visits and reading by day</translation>
        </message>
        <message>
            <source>每天的刷卡入馆、人数登记、到馆人次和室内阅览册次。</source>
            <translation>Each day's card visits, head counts, visits and copies read in the room.</translation>
        </message>
        <message>
            <source>到馆与阅览（按月）</source>
            <translation>Visits and reading by month</translation>
        </message>
        <message>
            <source>每月的刷卡入馆、人数登记、到馆人次和室内阅览册次。</source>
            <translation>Each month's card visits, head counts, visits and copies read in the room.</translation>
        </message>
    </context>
    <context>
        <name>restore</name>
        <message>
            <source>已从 {file} 恢复：书目 {titles} 种、{copies} 册，活动照片 {photos} 张。</source>
            <translation>Restored from {file}: {titles} titles, {copies} copies, {photos} activity photos.</translation>
        </message>
        <message>
            <source>恢复前的数据库已备份为 {file}。</source>
            <translation>The database from before the restore was backed up as {file}.</translation>
        </message>
    </context>
    <context>
        <name>returns</name>
        <message>
            <source>已生成汇总表：{path}</source>
            <translation>Consolidation written: {path}</translation>
        </message>
        <message>
            <source>统计期间 {label}：计入 {rooms} 个书屋，{problems} 个文件有问题。</source>
            <translation>Period {label}: {rooms} rooms counted, {problems} files with problems.</translation>
        </message>
        <message>
            <source>问题：{file}：{reason}</source>
            <translation>Problem: {file}: {reason}</translation>
        </message>
        <message>
            <source>未达到 {standard} 册的书屋：{count} 个。</source>
            <translation>Rooms short of {standard} volumes: {count}.</translation>
        </message>
        <message>
            <source>已生成统计报表：{path}</source>
            <translation>Return written: {path}</translation>
        </message>
        <message>
            <source>统计期间：{label}（{dates}）</source>
            <translation>Period: {label} ({dates})</translation>
        </message>
    </context>
    <context>
        <name>room</name>
        <message>
            <source>书屋名称</source>
            <translation>Room name</translation>
        </message>
        <message>
            <source>所属工会</source>
            <translation>Trade union</translation>
        </message>
        <message>
            <source>所在单位</source>
            <translation>Workplace</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>联系人</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>面积（㎡）</source>
            <translation>Area (m²)</translation>
        </message>
        <message>
            <source>座位数</source>
            <translation>Seats</translation>
        </message>
        <message>
            <source>开放时间</source>
            <translation>Opening hours</translation>
        </message>
        <message>
            <source>服务职工人数</source>
            <translation>Workers served</translation>
        </message>
        <message>
            <source>统一标牌</source>
            <translation>Uniform nameplate</translation>
        </message>
        <message>
            <source>全总命名年份</source>
            <translation>Year named by the ACFTU</translation>
        </message>
        <message>
            <source>数字阅读服务</source>
            <translation>Digital reading service</translation>
        </message>
        <message>
            <source>借阅制度</source>
            <translation>Lending rules</translation>
        </message>
    </context>
    <context>
        <name>roomwork</name>
        <message>
            <source>活动日期</source>
            <extracomment>Kinds whose outcome is a piece of work or a result (征文, 知识竞赛): 学习有成果. Field titles, for messages and forms.</extracomment>
            <translation>Date</translation>
        </message>
        <message>
            <source>活动名称</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>活动类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>参与人数</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>组织者</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <source>特色活动</source>
            <translation>Featured</translation>
        </message>
        <message>
            <source>到馆人数</source>
            <translation>Head count</translation>
        </message>
        <message>
            <source>时段</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>照片说明</source>
            <translation>Caption</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>负责人</source>
            <translation>Leader</translation>
        </message>
        <message>
            <source>成立日期</source>
            <translation>Founded</translation>
        </message>
        <message>
            <source>简介</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>活动中</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>主题</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>参加人数</source>
            <translation>Attendees</translation>
        </message>
        <message>
            <source>年份</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>计划活动</source>
            <translation>Planned activity</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>联系方式</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>值班卡号</source>
            <translation>Duty card</translation>
        </message>
        <message>
            <source>读者证号</source>
            <translation>Reader card</translation>
        </message>
        <message>
            <source>培训情况</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>加入日期</source>
            <translation>Joined</translation>
        </message>
        <message>
            <source>在册</source>
            <translation>Registered</translation>
        </message>
    </context>
    <context>
        <name>selfcheck</name>
        <message>
            <source>有</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>无</source>
            <translation>No</translation>
        </message>
        <message>
            <source>待补充</source>
            <translation>To complete</translation>
        </message>
        <message>
            <source>；</source>
            <extracomment>Joins the evidence phrases of an item.</extracomment>
            <translation>; </translation>
        </message>
        <message>
            <source>统一制式的标牌</source>
            <translation>Uniform nameplate</translation>
        </message>
        <message>
            <source>配备图书不少于3000册</source>
            <translation>At least 3,000 volumes</translation>
        </message>
        <message>
            <source>数字阅读服务</source>
            <translation>Digital reading service</translation>
        </message>
        <message>
            <source>规范的图书借阅及管理制度</source>
            <translation>Written lending and management rules</translation>
        </message>
        <message>
            <source>建设有场地</source>
            <translation>A place</translation>
        </message>
        <message>
            <source>管理有制度</source>
            <translation>Rules</translation>
        </message>
        <message>
            <source>使用有计划</source>
            <translation>A plan</translation>
        </message>
        <message>
            <source>阅读有组织</source>
            <translation>Organised reading</translation>
        </message>
        <message>
            <source>学习有成果</source>
            <translation>Results of learning</translation>
        </message>
        <message>
            <source>藏书有更新</source>
            <translation>Renewed collection</translation>
        </message>
        <message>
            <source>日常有人管</source>
            <translation>Staffed daily</translation>
        </message>
        <message>
            <source>定期有活动</source>
            <translation>Regular activities</translation>
        </message>
        <message>
            <source>活动有特色</source>
            <translation>Distinctive activities</translation>
        </message>
        <message>
            <source>长期有作用</source>
            <translation>Lasting effect</translation>
        </message>
        <message>
            <source>书屋信息中已登记悬挂统一标牌</source>
            <translation>The profile records the uniform nameplate as hung</translation>
        </message>
        <message>
            <source>悬挂全总统一制式标牌后，在书屋信息中勾选“统一标牌”</source>
            <translation>Hang the ACFTU uniform nameplate, then tick "Uniform nameplate" in the profile</translation>
        </message>
        <message>
            <source>期末馆藏 {volumes} 册（达标下限 {minimum} 册）</source>
            <translation>{volumes} volumes held at the end (minimum {minimum})</translation>
        </message>
        <message>
            <source>还差 {count} 册</source>
            <translation>{count} volumes short</translation>
        </message>
        <message>
            <source>在书屋档案中填写数字阅读服务平台和职工开通方式</source>
            <translation>Fill in the digital reading platform and how workers get access in Room records</translation>
        </message>
        <message>
            <source>平台：{platform}</source>
            <translation>Platform: {platform}</translation>
        </message>
        <message>
            <source>开通方式：{access}</source>
            <translation>Access: {access}</translation>
        </message>
        <message>
            <source>补充职工开通方式</source>
            <translation>Add how workers get access</translation>
        </message>
        <message>
            <source>已录入借阅制度（{chars} 字）</source>
            <translation>Lending rules recorded ({chars} characters)</translation>
        </message>
        <message>
            <source>在书屋档案中录入借阅及管理制度</source>
            <translation>Enter the lending and management rules in Room records</translation>
        </message>
        <message>
            <source>在书屋信息中填写面积和座位数</source>
            <translation>Fill in the area and seats in the profile</translation>
        </message>
        <message>
            <source>面积 {area} ㎡，座位 {seats} 个</source>
            <translation>Area {area} m², {seats} seats</translation>
        </message>
        <message>
            <source>需要固定的场地和座位</source>
            <translation>A fixed place with seats is needed</translation>
        </message>
        <message>
            <source>在“年度计划”中录入本年度阅读计划</source>
            <translation>Enter this year's reading plan under "Annual plan"</translation>
        </message>
        <message>
            <source>年度计划 {count} 项，已落实 {done} 项</source>
            <translation>{count} plan items, {done} carried out</translation>
        </message>
        <message>
            <source>读书会、兴趣小组 {groups} 个，志愿者 {volunteers} 人</source>
            <translation>{groups} reading groups, {volunteers} volunteers</translation>
        </message>
        <message>
            <source>成立读书会或兴趣小组，或登记阅读推广志愿者</source>
            <translation>Start a reading group, or register reading-promotion volunteers</translation>
        </message>
        <message>
            <source>征文、知识竞赛 {count} 次</source>
            <translation>{count} essay contests and quizzes</translation>
        </message>
        <message>
            <source>阅读之星候选 {count} 人</source>
            <translation>{count} reading-star candidates</translation>
        </message>
        <message>
            <source>记录征文、知识竞赛等成果活动，或补充职工读书成才的成果材料</source>
            <translation>Record essay contests or quizzes, or add evidence of what workers achieved by reading</translation>
        </message>
        <message>
            <source>本期新增 {count} 册</source>
            <translation>{count} volumes added in the period</translation>
        </message>
        <message>
            <source>本期没有新增藏书</source>
            <translation>No volumes added in the period</translation>
        </message>
        <message>
            <source>{count} 次值班，共 {hours} 小时</source>
            <translation>{count} duty shifts, {hours} hours</translation>
        </message>
        <message>
            <source>在“志愿者与值班”中登记值班</source>
            <translation>Record duty under "Volunteers &amp; duty"</translation>
        </message>
        <message>
            <source>没有值班记录，但有借阅 {count} 册次</source>
            <translation>No duty recorded, but {count} loans made</translation>
        </message>
        <message>
            <source>没有值班记录，也没有借阅</source>
            <translation>No duty recorded and no loans</translation>
        </message>
        <message>
            <source>本期阅读活动 {count} 次，参与 {people} 人次</source>
            <translation>{count} activities in the period, {people} participants</translation>
        </message>
        <message>
            <source>本季度尚未结束，还没有活动记录</source>
            <translation>The quarter has not ended and no activity is recorded yet</translation>
        </message>
        <message>
            <source>每季度至少一次活动；没有活动的季度：{quarters}</source>
            <translation>At least one activity a quarter; quarters without: {quarters}</translation>
        </message>
        <message>
            <source>特色活动 {count} 次：{names}</source>
            <translation>{count} featured activities: {names}</translation>
        </message>
        <message>
            <source>特色活动 0 次</source>
            <translation>No featured activities</translation>
        </message>
        <message>
            <source>开展有特色的活动，并在活动记录中勾选“特色活动”</source>
            <translation>Hold a distinctive activity and tick "Featured" on its record</translation>
        </message>
        <message>
            <source>本期借阅 {loans} 册次，借阅职工 {borrowers} 人</source>
            <translation>{loans} loans to {borrowers} workers in the period</translation>
        </message>
        <message>
            <source>活动参与 {people} 人次</source>
            <translation>{people} activity participants</translation>
        </message>
        <message>
            <source>在书屋信息中填写服务职工人数</source>
            <translation>Fill in the workers served in the profile</translation>
        </message>
        <message>
            <source>借阅职工占服务职工 {workers} 人的 {percent}%</source>
            <translation>borrowers are {percent}% of the {workers} workers served</translation>
        </message>
        <message>
            <source>借阅职工达到服务职工的 {percent}%，且半数以上月份有借阅</source>
            <translation>Borrowers should reach {percent}% of the workers served, with loans in at least half the months</translation>
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <source>达标藏书量（册）</source>
            <translation>Minimum holdings (volumes)</translation>
        </message>
        <message>
            <source>计入达标的文献类型</source>
            <translation>Material types counted toward the minimum</translation>
        </message>
        <message>
            <source>图书条码前缀</source>
            <translation>Copy barcode prefix</translation>
        </message>
        <message>
            <source>图书条码数字位数</source>
            <translation>Copy barcode digits</translation>
        </message>
        <message>
            <source>读者证号前缀</source>
            <translation>Reader card prefix</translation>
        </message>
        <message>
            <source>读者证号数字位数</source>
            <translation>Reader card digits</translation>
        </message>
        <message>
            <source>书架标签前缀</source>
            <translation>Shelf label prefix</translation>
        </message>
        <message>
            <source>盘点缺失图书可核销前的等待期（天）</source>
            <translation>Grace period before copies missing at a stocktake may be written off (days)</translation>
        </message>
        <message>
            <source>扫描提示音音量（0–100）</source>
            <translation>Scan sound volume (0-100)</translation>
        </message>
        <message>
            <source>扫描提示音静音</source>
            <translation>Mute scan sounds</translation>
        </message>
        <message>
            <source>借阅凭条纸张</source>
            <translation>Loan slip paper</translation>
        </message>
        <message>
            <source>每次借书后打印借阅凭条</source>
            <translation>Print a loan slip after every loan</translation>
        </message>
        <message>
            <source>每次预约到书时打印预约条</source>
            <translation>Print a hold slip whenever a returned copy is kept for a hold</translation>
        </message>
        <message>
            <source>书目发布的网址</source>
            <extracomment>Where the published catalogue (services.publishing) is read: the poster's QR code points there. Remembered by whoever publishes or prints the poster, so anyone's last use fills it in next time.</extracomment>
            <translation>Published catalogue address</translation>
        </message>
        <message>
            <source>扫码台无操作多久后关闭读者（秒）</source>
            <translation>Close the reader at the desk after this many idle seconds</translation>
        </message>
        <message>
            <source>自定义标签纸</source>
            <extracomment>The most labels one barcode range may ask for (a range is usually a few sheets). The custom label sheet (millimetres), kept with the room so the CLI and every desk share it.</extracomment>
            <translation>Custom label sheet</translation>
        </message>
        <message>
            <source>各类标签所用的标签纸</source>
            <extracomment>The sheet last used for each kind of label (kind -&gt; layout key), so the room's papers come up first.</extracomment>
            <translation>Label sheet used for each kind of label</translation>
        </message>
        <message>
            <source>数字阅读服务开通方式</source>
            <extracomment>Share of the workers served who must borrow in the period for 长期有作用. How workers reach the digital reading service (the profile holds only the platform's name).</extracomment>
            <translation>How workers access digital reading</translation>
        </message>
        <message>
            <source>无操作多久后锁定（分钟，0 = 不自动锁定）</source>
            <translation>Lock when idle for (minutes, 0 = never)</translation>
        </message>
        <message>
            <source>借阅记录保留年数（超过即匿名化；0 = 不匿名化）</source>
            <translation>Years loan history keeps readers' names (0 = for ever)</translation>
        </message>
        <message>
            <source>不再显示开始使用清单</source>
            <translation>Don't show the getting-started checklist</translation>
        </message>
        <message>
            <source>催还阶段（相对应还日期的天数）</source>
            <extracomment>How a notice reached the reader: a printed letter, a department's list, a workbook for messaging. The earliest and latest stage (days from the due date) the room may set, and how many stages at most.</extracomment>
            <translation>Reminder stages (days relative to the due date)</translation>
        </message>
        <message>
            <source>逾期天数只计开放日</source>
            <translation>Count overdue days in open days only</translation>
        </message>
    </context>
    <context>
        <name>shelves</name>
        <message>
            <source>书架名称</source>
            <translation>Shelf name</translation>
        </message>
    </context>
    <context>
        <name>slip</name>
        <message>
            <source>职工书屋</source>
            <extracomment>The receipt papers of settings.SLIP_PAGES; "a5" is a sheet, not a roll.</extracomment>
            <translation>Workers' reading room</translation>
        </message>
        <message>
            <source>读者：{name}　证号：{card}</source>
            <translation>Reader: {name}   Card: {card}</translation>
        </message>
        <message>
            <source>部门：{department}</source>
            <translation>Department: {department}</translation>
        </message>
        <message>
            <source>电话：{phone}</source>
            <translation>Phone: {phone}</translation>
        </message>
        <message>
            <source>打印时间：{when}</source>
            <translation>Printed: {when}</translation>
        </message>
        <message>
            <source>{room}预约条</source>
            <translation>{room} hold slip</translation>
        </message>
        <message>
            <source>保留到</source>
            <translation>Kept until</translation>
        </message>
        <message>
            <source>请放在预约架。过期未取，这一册留给下一位预约的读者或放回书架。</source>
            <translation>Keep on the hold shelf. If it is not collected in time, this copy goes to the next reader waiting or back on the shelf.</translation>
        </message>
        <message>
            <source>在借 {count} 册，逾期 {overdue} 册</source>
            <translation>{count} on loan, {overdue} overdue</translation>
        </message>
        <message>
            <source>本次借出 {count} 册：</source>
            <translation>Lent in this visit, {count}:</translation>
        </message>
        <message>
            <source>{room}借阅凭条</source>
            <translation>{room} — loan slip</translation>
        </message>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>借出</source>
            <translation>Lent</translation>
        </message>
        <message>
            <source>应还</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>请按时归还。逾期未还的书会影响再借。</source>
            <translation>Please return on time; overdue books may stop further loans.</translation>
        </message>
        <message>
            <source>{room}逾期未还图书清单</source>
            <translation>{room} — overdue books</translation>
        </message>
        <message>
            <source>按部门排列</source>
            <translation>by department</translation>
        </message>
        <message>
            <source>按逾期天数排列</source>
            <translation>by days overdue</translation>
        </message>
        <message>
            <source>截至 {day}，共 {count} 册，{readers} 位读者；{by}</source>
            <translation>As of {day}: {count} books, {readers} readers; {by}</translation>
        </message>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>证号</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>逾期天数</source>
            <translation>Days overdue</translation>
        </message>
        <message>
            <source>{label}：{value}</source>
            <translation>{label}: {value}</translation>
        </message>
        <message>
            <source>（已逾期）</source>
            <translation> (overdue)</translation>
        </message>
    </context>
    <context>
        <name>stats</name>
        <message>
            <source>书屋</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>藏书（计入达标，册）</source>
            <translation>Holdings counted (volumes)</translation>
        </message>
        <message>
            <source>其中图书（册）</source>
            <translation>  of which books</translation>
        </message>
        <message>
            <source>其中报刊（册）</source>
            <translation>  of which periodicals</translation>
        </message>
        <message>
            <source>藏书种数（种）</source>
            <translation>Titles held</translation>
        </message>
        <message>
            <source>达标下限（册）</source>
            <translation>Minimum (volumes)</translation>
        </message>
        <message>
            <source>尚差（册）</source>
            <translation>Shortfall (volumes)</translation>
        </message>
        <message>
            <source>在借（册）</source>
            <translation>On loan</translation>
        </message>
        <message>
            <source>逾期未还（册）</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>登记读者（人）</source>
            <translation>Registered readers</translation>
        </message>
        <message>
            <source>本年借出（册次）</source>
            <translation>Loans this year</translation>
        </message>
        <message>
            <source>本年归还（册次）</source>
            <translation>Returns this year</translation>
        </message>
        <message>
            <source>本年新增（册）</source>
            <translation>New volumes this year</translation>
        </message>
        <message>
            <source>今日借出（册次）</source>
            <translation>Loans today</translation>
        </message>
        <message>
            <source>本年阅读活动（次）</source>
            <translation>Activities this year</translation>
        </message>
        <message>
            <source>本年活动参与（人次）</source>
            <translation>Participants this year</translation>
        </message>
        <message>
            <source>在册志愿者（人）</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <source>本年值班时长（小时）</source>
            <translation>Duty hours this year</translation>
        </message>
        <message>
            <source>本年催还（次）</source>
            <translation>Reminders given this year</translation>
        </message>
        <message>
            <source>本年到馆（人次）</source>
            <translation>Visits this year</translation>
        </message>
        <message>
            <source>本年阅览（册次）</source>
            <translation>Reads in the room this year</translation>
        </message>
        <message>
            <source>本年预约（次）</source>
            <translation>Holds this year</translation>
        </message>
    </context>
    <context>
        <name>stocktake</name>
        <message>
            <source>缺失</source>
            <extracomment>Copy lists frozen in the summary when a stocktake is finished (verified: the other copies found; unknown codes are frozen too; repeats come from the scans, which never change). What each category is called, on screen and in the report (context "stocktake").</extracomment>
            <translation>Missing</translation>
        </message>
        <message>
            <source>错架</source>
            <translation>Misplaced</translation>
        </message>
        <message>
            <source>记录借出却在架</source>
            <translation>On loan but on the shelf</translation>
        </message>
        <message>
            <source>记录剔除或遗失却在架</source>
            <translation>Withdrawn or lost but on the shelf</translation>
        </message>
        <message>
            <source>未知条码</source>
            <translation>Unknown barcodes</translation>
        </message>
        <message>
            <source>重复扫描</source>
            <translation>Scanned more than once</translation>
        </message>
        <message>
            <source>核对无误</source>
            <translation>Verified</translation>
        </message>
        <message>
            <source>应在这些书架上、没有扫到、也没有借出的图书。结束盘点时可标记为“缺失”。</source>
            <extracomment>What each category asks of the volunteer.</extracomment>
            <translation>Copies that belong on these shelves, were not scanned and are not on loan. Finishing can mark them missing.</translation>
        </message>
        <message>
            <source>在别的书架上找到的图书：放回它的书架，或把它的书架改为找到它的书架。</source>
            <translation>Copies found on another shelf than their own: put them back, or make the shelf they were found on their shelf.</translation>
        </message>
        <message>
            <source>记录为借出、却在书架上的图书：结束盘点时可办理归还。</source>
            <translation>Copies on loan in the records but found on a shelf: finishing can check them in.</translation>
        </message>
        <message>
            <source>记录为剔除或遗失、却在书架上的图书：结束盘点时可恢复在架。</source>
            <translation>Copies withdrawn or lost in the records but found on a shelf: finishing can bring them back.</translation>
        </message>
        <message>
            <source>不是本书屋登记的条码：请找出这些书，核对后在“藏书”页登记。</source>
            <translation>Barcodes this room has not registered: find these books, check them and register them on the Collection page.</translation>
        </message>
        <message>
            <source>扫描了不止一次的条码：只按第一次计数。</source>
            <translation>Barcodes scanned more than once: only the first scan counts.</translation>
        </message>
        <message>
            <source>在自己的书架上找到的图书。</source>
            <translation>Copies found on their own shelf.</translation>
        </message>
        <message>
            <source>程序出错，这次扫描没有登记。请再扫一次；如仍出错，请联系管理员。</source>
            <translation>The program went wrong and this scan was not recorded. Scan it again; if it still fails, call the administrator.</translation>
        </message>
        <message>
            <source>盘点名称</source>
            <translation>Stocktake name</translation>
        </message>
        <message>
            <source>没有读到条码，请再扫一次。</source>
            <translation>No barcode was read. Scan again.</translation>
        </message>
        <message>
            <source>没有编号为 {code} 的书架。请核对书架标签，或先在“藏书”页建立这个书架。</source>
            <translation>There is no shelf {code}. Check the shelf label, or create the shelf on the Collection page first.</translation>
        </message>
        <message>
            <source>书架 {code} 不在这次盘点的范围内。</source>
            <translation>Shelf {code} is not part of this stocktake.</translation>
        </message>
        <message>
            <source>当前书架：{code} {name}。请逐册扫描这个书架上的图书。</source>
            <translation>Current shelf: {code} {name}. Scan each copy on this shelf.</translation>
        </message>
        <message>
            <source>{code} 是读者证，不是图书条码，未登记。</source>
            <translation>{code} is a reader card, not a copy's barcode; not recorded.</translation>
        </message>
        <message>
            <source>{code} 是封底的 ISBN，不是图书条码。请扫描贴在书上的条码标签。</source>
            <translation>{code} is the ISBN on the back cover, not the copy's barcode. Scan the barcode label stuck on the book.</translation>
        </message>
        <message>
            <source>请先扫描书架标签（{example}），再扫描这个书架上的图书。</source>
            <translation>Scan a shelf label ({example}) first, then the copies on that shelf.</translation>
        </message>
        <message>
            <source>{code} 已经扫过了（未知条码）。</source>
            <translation>{code} was already scanned (unknown barcode).</translation>
        </message>
        <message>
            <source>{code} 不是本书屋登记的图书条码。已记下，请把这本书放到一边核对。</source>
            <translation>{code} is not a barcode of this room. Recorded; put the book aside to check it.</translation>
        </message>
        <message>
            <source>《{title}》已经扫过了，不重复计数。</source>
            <translation>"{title}" was already scanned; not counted again.</translation>
        </message>
        <message>
            <source>《{title}》在架，核对无误。</source>
            <translation>"{title}" is on its shelf: verified.</translation>
        </message>
        <message>
            <source>《{title}》错架：应在书架 {home}，现在 {shelf}。</source>
            <translation>"{title}" is misplaced: it belongs on {home}, found on {shelf}.</translation>
        </message>
        <message>
            <source>《{title}》记录为借出，却在书架上。</source>
            <translation>"{title}" is on loan in the records, yet on the shelf.</translation>
        </message>
        <message>
            <source>《{title}》记录为已剔除或遗失，却在书架上。</source>
            <translation>"{title}" is withdrawn or lost in the records, yet on the shelf.</translation>
        </message>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
    </context>
    <context>
        <name>stocktake_cli</name>
        <message>
            <source>应在架（册）</source>
            <translation>Expected (copies)</translation>
        </message>
        <message>
            <source>已扫描（条码）</source>
            <translation>Scanned (barcodes)</translation>
        </message>
        <message>
            <source>核对无误</source>
            <translation>Verified</translation>
        </message>
        <message>
            <source>缺失</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>错架</source>
            <translation>Misplaced</translation>
        </message>
        <message>
            <source>记录借出却在架</source>
            <translation>On loan but found</translation>
        </message>
        <message>
            <source>记录剔除或遗失却在架</source>
            <translation>Withdrawn or lost but found</translation>
        </message>
        <message>
            <source>未知条码</source>
            <translation>Unknown barcodes</translation>
        </message>
        <message>
            <source>重复扫描</source>
            <translation>Repeated scans</translation>
        </message>
        <message>
            <source>已办理归还</source>
            <translation>Checked in</translation>
        </message>
        <message>
            <source>已恢复在架</source>
            <translation>Brought back</translation>
        </message>
        <message>
            <source>已标记缺失</source>
            <translation>Marked missing</translation>
        </message>
        <message>
            <source>已移架</source>
            <translation>Moved</translation>
        </message>
        <message>
            <source>待归架（未改动）</source>
            <translation>To reshelve (unchanged)</translation>
        </message>
        <message>
            <source>盘点 #{id}：从 {file} 载入 {count} 条扫描。</source>
            <translation>Stocktake #{id}: loaded {count} scans from {file}.</translation>
        </message>
        <message>
            <source>盘点 #{id} 已结束。</source>
            <translation>Stocktake #{id} is finished.</translation>
        </message>
        <message>
            <source>盘点 #{id} 的报告已保存：{file}</source>
            <translation>Report of stocktake #{id} saved: {file}</translation>
        </message>
        <message>
            <source>如确实要再载入一次，请加上 --again。</source>
            <translation>To load it once more anyway, add --again.</translation>
        </message>
    </context>
    <context>
        <name>stocktake_report</name>
        <message>
            <source>条码</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>书名</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>索书号</source>
            <translation>Call number</translation>
        </message>
        <message>
            <source>所属书架</source>
            <translation>Own shelf</translation>
        </message>
        <message>
            <source>找到的书架</source>
            <translation>Found on shelf</translation>
        </message>
        <message>
            <source>现在状态</source>
            <translation>Status now</translation>
        </message>
        <message>
            <source>扫描次数</source>
            <translation>Scans</translation>
        </message>
        <message>
            <source>办理归还（册）</source>
            <translation>Checked in (copies)</translation>
        </message>
        <message>
            <source>恢复在架（册）</source>
            <translation>Brought back (copies)</translation>
        </message>
        <message>
            <source>标记缺失（册）</source>
            <translation>Marked missing (copies)</translation>
        </message>
        <message>
            <source>移架（册）</source>
            <translation>Moved (copies)</translation>
        </message>
        <message>
            <source>待人工归架（册）</source>
            <translation>To reshelve by hand (copies)</translation>
        </message>
        <message>
            <source>汇总</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>{room} 盘点报告 #{id}</source>
            <translation>{room} stocktake report #{id}</translation>
        </message>
        <message>
            <source>{title}：{list}</source>
            <translation>{title}: {list}</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>数值</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>全部书架</source>
            <translation>All shelves</translation>
        </message>
        <message>
            <source>进行中</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>书屋</source>
            <translation>Reading room</translation>
        </message>
        <message>
            <source>盘点</source>
            <translation>Stocktake</translation>
        </message>
        <message>
            <source>范围</source>
            <translation>Shelves</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Started</translation>
        </message>
        <message>
            <source>开始人</source>
            <translation>Started by</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>Finished</translation>
        </message>
        <message>
            <source>结束人</source>
            <translation>Finished by</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>应在架（册）</source>
            <translation>Expected on the shelves (copies)</translation>
        </message>
        <message>
            <source>已扫描（条码）</source>
            <translation>Scanned (barcodes)</translation>
        </message>
        <message>
            <source>达标标准（册）</source>
            <translation>Standard (volumes)</translation>
        </message>
        <message>
            <source>计入达标的藏书（册）</source>
            <translation>Holdings counted toward the standard (volumes)</translation>
        </message>
        <message>
            <source>其中图书（册）</source>
            <translation>of which books</translation>
        </message>
        <message>
            <source>其中报刊（册）</source>
            <translation>of which periodicals</translation>
        </message>
        <message>
            <source>超出（+）或尚差（-）（册）</source>
            <translation>Margin (+) or shortfall (-) (volumes)</translation>
        </message>
        <message>
            <source>若核销缺失图书，将减少（册）</source>
            <translation>Written off if the missing copies went (volumes)</translation>
        </message>
        <message>
            <source>核销后藏书（册）</source>
            <translation>Holdings after write-off (volumes)</translation>
        </message>
        <message>
            <source>核销后超出（+）或尚差（-）（册）</source>
            <translation>Margin (+) or shortfall (-) after write-off (volumes)</translation>
        </message>
    </context>
    <context>
        <name>vocab</name>
        <message>
            <source>职工思想政治教育</source>
            <extracomment>优先配备的五类图书, plus 其他.</extracomment>
            <translation>Ideological and political education</translation>
        </message>
        <message>
            <source>素质技能提升</source>
            <translation>Skills and quality</translation>
        </message>
        <message>
            <source>劳动关系及法律维权</source>
            <translation>Labour relations and legal rights</translation>
        </message>
        <message>
            <source>职工文化建设</source>
            <translation>Workers' culture</translation>
        </message>
        <message>
            <source>社科文化</source>
            <translation>Social sciences and culture</translation>
        </message>
        <message>
            <source>读书分享会</source>
            <translation>Book sharing</translation>
        </message>
        <message>
            <source>讲座</source>
            <translation>Lecture</translation>
        </message>
        <message>
            <source>征文</source>
            <translation>Essay contest</translation>
        </message>
        <message>
            <source>知识竞赛</source>
            <translation>Quiz</translation>
        </message>
        <message>
            <source>读书打卡</source>
            <translation>Reading check-in</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>图书</source>
            <translation>Book</translation>
        </message>
        <message>
            <source>期刊</source>
            <translation>Periodical</translation>
        </message>
        <message>
            <source>报纸合订本</source>
            <translation>Bound newspapers</translation>
        </message>
        <message>
            <source>音像</source>
            <translation>Audiovisual</translation>
        </message>
        <message>
            <source>配送中心</source>
            <extracomment>Where a copy came from (regular channels only; see DESIGN.md).</extracomment>
            <translation>Distribution centre</translation>
        </message>
        <message>
            <source>定向采购</source>
            <translation>Directed procurement</translation>
        </message>
        <message>
            <source>捐赠</source>
            <translation>Donation</translation>
        </message>
        <message>
            <source>自购</source>
            <translation>Own purchase</translation>
        </message>
        <message>
            <source>在架</source>
            <translation>On shelf</translation>
        </message>
        <message>
            <source>借出</source>
            <translation>On loan</translation>
        </message>
        <message>
            <source>加工中</source>
            <translation>Processing</translation>
        </message>
        <message>
            <source>修补</source>
            <translation>In repair</translation>
        </message>
        <message>
            <source>缺失</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>遗失</source>
            <translation>Lost</translation>
        </message>
        <message>
            <source>剔除</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <source>预约保留</source>
            <translation>On hold</translation>
        </message>
        <message>
            <source>正常</source>
            <extracomment>Statuses that leave the holdings (馆藏) at once: written off. Held copies taken off the shelf on purpose, not lendable until put back. Held copies neither on the shelf nor lent (counted as "elsewhere"); 预约保留 copies are on the hold shelf. Copies a stocktake expects to find on their shelf (a missing copy may turn up); not 预约保留 copies, which are on the hold shelf (like 修补 and 加工中 copies at the workbench, never reported missing).</extracomment>
            <translation>Active</translation>
        </message>
        <message>
            <source>停用</source>
            <translation>Suspended</translation>
        </message>
        <message>
            <source>离职</source>
            <translation>Left</translation>
        </message>
        <message>
            <source>读书会</source>
            <translation>Reading club</translation>
        </message>
        <message>
            <source>兴趣小组</source>
            <translation>Interest group</translation>
        </message>
        <message>
            <source>管理员</source>
            <translation>administrator</translation>
        </message>
        <message>
            <source>志愿者</source>
            <translation>volunteer</translation>
        </message>
    </context>
</TS>
