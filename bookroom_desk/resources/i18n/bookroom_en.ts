<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>App</name>
        <message>
            <source>无法打开数据库</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BookroomError</name>
        <message>
            <source>分类号不能为空。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>分类号“{value}”不在中图法的22个基本大类（A–Z）之中。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>分类号“{value}”的格式不对（例如 D922.5、TP311.13）。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ISBN“{value}”应为10位或13位。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ISBN“{value}”的校验位不对，请核对。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{field}”不能是负数。</source>
            <extracomment>Fields an administrator should fill before the room's returns make sense.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>全总命名年份“{value}”不合理。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>设置“{key}”的值类型不对。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>无法打开数据库 {url}：文件已损坏或不是书屋数据库。（{detail}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{url} 不是书屋管理台的数据库，未作任何改动。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>这个数据库由更新版本的书屋管理台写入（版本 {revision}），本程序无法使用，未作任何改动。请安装最新版本。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CataloguePage</name>
        <message>
            <source>藏书</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>这里将管理书目与每一册图书：按书名、著者、ISBN、拼音或条码查找；按ISBN新编书目并给出索书号；批量加册并分配条码；导入配送清单；移架、修补、剔除、遗失与恢复；书架及其分类范围；导出藏书目录。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeskPage</name>
        <message>
            <source>请扫描读者证或图书条码</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>扫码或输入条码后按回车</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LanguageBox</name>
        <message>
            <source>界面语言</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>重新启动程序后生效。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>职工书屋管理台</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>扫码台</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>藏书</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>读者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>盘点</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>统计报表</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>书屋工作</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>设置</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProfileBanner</name>
        <message>
            <source>填写书屋信息</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>书屋信息尚未填写完整（还有 {n} 项）。请管理员填写书屋名称、所属工会、所在单位、地址、联系人、电话、面积、座位数、开放时间、服务职工人数、标牌、全总命名年份、数字阅读服务和借阅制度，统计报表将用到这些信息。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProfileForm</name>
        <message>
            <source>书屋信息</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>未填写</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>已悬挂全总统一制式标牌</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存书屋信息</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>已保存。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReadersPage</name>
        <message>
            <source>读者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>这里将管理读者：登记、修改、停用、离职；读者类别与借阅规则；查看读者的在借、逾期与借阅历史；导入职工名册。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>统计报表</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>这里将显示书屋的各项指标与图表，生成报送上级工会的Excel统计报表，并可汇总多个书屋的报表。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RoomStatus</name>
        <message>
            <source>（未填写书屋名称）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>藏书 {volumes} / {minimum} 册</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>距3000册达标标准还差 {n} 册</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>已达到藏书标准</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>今日借出 {n} 册次</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RoomWorkPage</name>
        <message>
            <source>书屋工作</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>这里将记录阅读活动、年度阅读计划、志愿者与值班、读书会，并按“十有”标准自查。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StocktakePage</name>
        <message>
            <source>盘点</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>这里将进行藏书盘点：扫描书架标签与图书，逐架查看进度，核对缺失、错架与异常，确认后更新藏书；并显示与3000册达标标准的差距。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>room</name>
        <message>
            <source>书屋名称</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>所属工会</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>所在单位</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地址</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>联系人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>联系电话</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>面积（㎡）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>座位数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>开放时间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>服务职工人数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>统一标牌</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>全总命名年份</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>数字阅读服务</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>借阅制度</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <source>达标藏书量（册）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>计入达标的文献类型</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>图书条码前缀</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>图书条码数字位数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>读者证号前缀</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>读者证号数字位数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>书架标签前缀</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>stats</name>
        <message>
            <source>书屋</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>藏书（计入达标，册）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>其中图书（册）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>其中报刊（册）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>藏书种数（种）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>达标下限（册）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>尚差（册）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>在借（册）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>逾期未还（册）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>登记读者（人）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>本年借出（册次）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>本年归还（册次）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>本年新增（册）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>今日借出（册次）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>vocab</name>
        <message>
            <source>职工思想政治教育</source>
            <extracomment>优先配备的五类图书, plus 其他.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>素质技能提升</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>劳动关系及法律维权</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>职工文化建设</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>社科文化</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>其他</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>图书</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期刊</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>报纸合订本</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>音像</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>配送中心</source>
            <extracomment>Where a copy came from (regular channels only; see DESIGN.md).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>定向采购</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>捐赠</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>自购</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>在架</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>借出</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>加工中</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>修补</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>缺失</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>遗失</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>剔除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>正常</source>
            <extracomment>Statuses that leave the holdings (馆藏) at once.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>停用</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>离职</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
