// The demo company's trading world: its own details, warehouses, suppliers,
// customers and products, generated from name parts and real region codes.
#include "demo/demo_catalogue.h"

#include "store/reference_data.h"

#include <QHash>
#include <QRandomGenerator>

namespace liuhe::demo {

namespace {

const QHash<QString, QStringList> &regionRows()
{
    static const QHash<QString, QStringList> rows = [] {
        QHash<QString, QStringList> out;
        for (const QStringList &r : store::readDataCsv(QStringLiteral(":/data/regions.csv"))) out.insert(r[0], r);
        return out;
    }();
    return rows;
}

// Districts of the cities the company trades with most, and some further away.
const QStringList &tradingDistricts()
{
    static const QStringList codes = {
        QStringLiteral("320505"), QStringLiteral("320506"), QStringLiteral("320583"), QStringLiteral("320582"), QStringLiteral("320211"), QStringLiteral("320213"),
        QStringLiteral("320412"), QStringLiteral("320115"), QStringLiteral("310115"), QStringLiteral("310112"), QStringLiteral("310114"), QStringLiteral("330110"),
        QStringLiteral("330212"), QStringLiteral("330382"), QStringLiteral("340104"), QStringLiteral("370212"), QStringLiteral("110108"), QStringLiteral("120116"),
        QStringLiteral("130104"), QStringLiteral("440113"), QStringLiteral("440306"), QStringLiteral("441900"), QStringLiteral("442000"), QStringLiteral("440604"),
        QStringLiteral("350206"), QStringLiteral("420111"), QStringLiteral("430104"), QStringLiteral("410105"), QStringLiteral("500112"), QStringLiteral("510107"),
        QStringLiteral("610113"), QStringLiteral("210106"), QStringLiteral("220104"), QStringLiteral("450103"), QStringLiteral("360111"),
    };
    return codes;
}

QString salesRegionOf(const QString &code)
{
    const int province = code.left(2).toInt();
    if (province >= 31 && province <= 37) return QStringLiteral("east");
    if (province >= 11 && province <= 15) return QStringLiteral("north");
    if (province >= 44 && province <= 46) return QStringLiteral("south");
    if (province >= 41 && province <= 43) return QStringLiteral("central");
    if (province >= 50 && province <= 54) return QStringLiteral("southwest");
    if (province >= 61 && province <= 65) return QStringLiteral("northwest");
    return QStringLiteral("northeast");
}

// The city part of a district's full name without 市, for company names ("苏州").
QString cityWord(const QString &code)
{
    const auto &rows = regionRows();
    QString city = rows.value(code.left(4) + QStringLiteral("00")).value(1);
    if (city.isEmpty() || city == QStringLiteral("市辖区")) city = rows.value(code.left(2) + QStringLiteral("0000")).value(1);
    if (rows.value(code).value(3) == QLatin1String("2")) city = rows.value(code).value(1); // cities without districts
    city.remove(QStringLiteral("市"));
    city.remove(QStringLiteral("省"));
    return city;
}

const QStringList kSurnames = {QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"), QStringLiteral("刘"), QStringLiteral("陈"), QStringLiteral("杨"),
                               QStringLiteral("黄"), QStringLiteral("赵"), QStringLiteral("吴"), QStringLiteral("周"), QStringLiteral("徐"), QStringLiteral("孙"),
                               QStringLiteral("马"), QStringLiteral("朱"), QStringLiteral("胡"), QStringLiteral("郭"), QStringLiteral("何"), QStringLiteral("林"),
                               QStringLiteral("曾"), QStringLiteral("单"), QStringLiteral("解"), QStringLiteral("查")};
const QStringList kGiven = {QStringLiteral("建国"), QStringLiteral("海燕"), QStringLiteral("志强"), QStringLiteral("丽华"), QStringLiteral("国平"), QStringLiteral("晓东"),
                            QStringLiteral("文静"), QStringLiteral("春梅"), QStringLiteral("立新"), QStringLiteral("红霞"), QStringLiteral("伟"), QStringLiteral("敏"),
                            QStringLiteral("磊"), QStringLiteral("婷"), QStringLiteral("涛"), QStringLiteral("洁")};
const QStringList kCores = {QStringLiteral("恒达"), QStringLiteral("鑫源"), QStringLiteral("宏图"), QStringLiteral("博远"), QStringLiteral("瑞丰"), QStringLiteral("永盛"),
                            QStringLiteral("金桥"), QStringLiteral("联创"), QStringLiteral("天成"), QStringLiteral("盛世"), QStringLiteral("中科"), QStringLiteral("海川"),
                            QStringLiteral("东方"), QStringLiteral("长江"), QStringLiteral("汇通"), QStringLiteral("新亚"), QStringLiteral("协力"), QStringLiteral("嘉禾"),
                            QStringLiteral("德信"), QStringLiteral("华科"), QStringLiteral("明阳"), QStringLiteral("银河"), QStringLiteral("重和"), QStringLiteral("乐高")};
const QStringList kCustomerTrades = {QStringLiteral("机电设备"), QStringLiteral("精密制造"), QStringLiteral("自动化科技"), QStringLiteral("五金制品"),
                                     QStringLiteral("电子科技"), QStringLiteral("汽车零部件"), QStringLiteral("新能源科技"), QStringLiteral("医疗器械"),
                                     QStringLiteral("工程机械"), QStringLiteral("智能装备")};
const QStringList kIndustries = {QStringLiteral("装备制造"), QStringLiteral("汽车"), QStringLiteral("电子"), QStringLiteral("新能源"), QStringLiteral("医疗"),
                                 QStringLiteral("建筑工程"), QStringLiteral("家电"), QStringLiteral("贸易")};
const QStringList kSupplierTrades = {QStringLiteral("轴承"), QStringLiteral("紧固件"), QStringLiteral("电机"), QStringLiteral("钢材贸易"), QStringLiteral("气动元件"),
                                     QStringLiteral("液压机械"), QStringLiteral("包装材料"), QStringLiteral("电子元器件"), QStringLiteral("传感技术"), QStringLiteral("模具")};
const QStringList kStreets = {QStringLiteral("科技路"), QStringLiteral("工业园大道"), QStringLiteral("长江路"), QStringLiteral("人民路"), QStringLiteral("建设路"),
                              QStringLiteral("创业路"), QStringLiteral("开发区大道"), QStringLiteral("金鸡湖大道")};

QList<DemoPartner> partners(int count, const QStringList &trades, const QString &prefix, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<DemoPartner> out;
    QStringList used;
    for (int i = 0; out.size() < count; ++i) {
        const QString code = tradingDistricts()[int(rng.bounded(tradingDistricts().size()))];
        const QString name = cityWord(code) + kCores[int(rng.bounded(kCores.size()))] + trades[int(rng.bounded(trades.size()))]
                             + (rng.bounded(5) == 0 ? QStringLiteral("股份有限公司") : QStringLiteral("有限公司"));
        if (used.contains(name)) continue;
        used << name;
        DemoPartner p;
        p.code = QStringLiteral("%1%2").arg(prefix).arg(out.size() + 1, 4, 10, QLatin1Char('0'));
        p.name = name;
        p.contact = kSurnames[int(rng.bounded(kSurnames.size()))] + kGiven[int(rng.bounded(kGiven.size()))];
        p.phone = QStringLiteral("13%1").arg(100000000 + rng.bounded(899999999u));
        p.regionCode = code;
        p.regionName = regionFullName(code);
        p.street = kStreets[int(rng.bounded(kStreets.size()))] + QString::number(1 + rng.bounded(300)) + QStringLiteral("号");
        p.taxId = creditCode(code, int(seed % 1000) * 1000 + out.size());
        p.salesRegion = salesRegionOf(code);
        p.industry = kIndustries[int(rng.bounded(kIndustries.size()))];
        out << p;
    }
    return out;
}

} // namespace

QString regionFullName(const QString &code)
{
    const auto &rows = regionRows();
    QStringList names;
    QString current = code;
    for (int depth = 0; depth < 4 && rows.contains(current); ++depth) {
        const QStringList r = rows.value(current);
        if (r[1] != QStringLiteral("市辖区") && r[1] != QStringLiteral("县")) names.prepend(r[1]);
        current = r[2];
    }
    return names.join(QString());
}

QString creditCode(const QString &regionCode, int sequence)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    QString body = QStringLiteral("91") + regionCode + QStringLiteral("%1").arg(qint64(sequence) * 7919 % 1000000000, 9, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += int(alphabet.indexOf(body[i])) * weights[i];
    return body + alphabet[(31 - sum % 31) % 31];
}

const Company &demoCompany()
{
    static const Company c{QStringLiteral("苏州六合精工科技有限公司"), creditCode(QStringLiteral("320505"), 88), QStringLiteral("320505"),
                           regionFullName(QStringLiteral("320505")), QStringLiteral("科灵路78号"), QStringLiteral("0512-66168888"),
                           QStringLiteral("中国银行苏州高新技术产业开发区支行"), QStringLiteral("5102 6621 8888")};
    return c;
}

const QList<DemoWarehouse> &demoWarehouses()
{
    static const QList<DemoWarehouse> w = {
        {QStringLiteral("SZ01"), QStringLiteral("苏州总仓"), QStringLiteral("sunhao"), QStringLiteral("320505"), regionFullName(QStringLiteral("320505")),
         QStringLiteral("科灵路78号B栋"), 4},
        {QStringLiteral("SH01"), QStringLiteral("上海前置仓"), QStringLiteral("huyong"), QStringLiteral("310115"), regionFullName(QStringLiteral("310115")),
         QStringLiteral("张江路1088号"), 2},
        {QStringLiteral("GZ01"), QStringLiteral("广州仓"), QStringLiteral("zhuhong"), QStringLiteral("440113"), regionFullName(QStringLiteral("440113")),
         QStringLiteral("市桥街道兴业路12号"), 2},
    };
    return w;
}

QList<DemoPartner> demoSuppliers(int count) { return partners(count, kSupplierTrades, QStringLiteral("S"), 7); }
QList<DemoPartner> demoCustomers(int count) { return partners(count, kCustomerTrades, QStringLiteral("C"), 11); }

const QList<QPair<QString, QString>> &demoCategories()
{
    static const QList<QPair<QString, QString>> c = {
        {QStringLiteral("BRG"), QStringLiteral("轴承")}, {QStringLiteral("FST"), QStringLiteral("紧固件")}, {QStringLiteral("MOT"), QStringLiteral("电机")},
        {QStringLiteral("SNS"), QStringLiteral("传感器")}, {QStringLiteral("PNU"), QStringLiteral("气动元件")}, {QStringLiteral("HYD"), QStringLiteral("液压件")},
        {QStringLiteral("STL"), QStringLiteral("钢材")}, {QStringLiteral("PKG"), QStringLiteral("包装材料")}, {QStringLiteral("ELC"), QStringLiteral("低压电器")},
        {QStringLiteral("TOL"), QStringLiteral("刀具")},
    };
    return c;
}

QList<DemoProduct> demoProducts(int count)
{
    struct Template {
        const char *category, *name, *unit;
        QStringList specs;
        qint64 baseCost; // 分
        bool lot;
    };
    const QList<Template> templates = {
        {"BRG", "深沟球轴承", "个", {"6200-2RS", "6201-2RS", "6202-2RS", "6203-2RS", "6204-2RS", "6205-ZZ", "6206-ZZ", "6207-ZZ", "6208-ZZ", "6210-ZZ"}, 850, false},
        {"BRG", "圆锥滚子轴承", "套", {"30203", "30204", "30205", "30206", "30207", "30208"}, 2600, false},
        {"FST", "六角头螺栓 8.8级", "盒", {"M6×20", "M6×30", "M8×25", "M8×40", "M10×30", "M10×50", "M12×40", "M12×60", "M16×50", "M16×80"}, 1800, true},
        {"FST", "六角螺母 8级", "盒", {"M6", "M8", "M10", "M12", "M16"}, 900, true},
        {"FST", "平垫圈", "盒", {"Φ6", "Φ8", "Φ10", "Φ12", "Φ16"}, 500, true},
        {"MOT", "三相异步电动机", "台", {"Y2-80M1-4 0.55kW", "Y2-90S-4 1.1kW", "Y2-100L1-4 2.2kW", "Y2-112M-4 4kW", "Y2-132S-4 5.5kW"}, 68000, false},
        {"MOT", "交流伺服电机", "台", {"200W", "400W", "750W", "1kW", "1.5kW"}, 98000, false},
        {"SNS", "电感式接近开关", "个", {"M8 NPN常开", "M12 NPN常开", "M12 PNP常开", "M18 NPN常开", "M30 PNP常闭"}, 3500, false},
        {"SNS", "漫反射光电开关", "个", {"E3F-DS10C4", "E3F-DS30C4", "E3Z-D61"}, 4200, false},
        {"SNS", "压力变送器", "个", {"0-1MPa 4-20mA", "0-1.6MPa 4-20mA", "0-2.5MPa 0-10V"}, 28000, false},
        {"PNU", "标准气缸", "个", {"SC32×50", "SC32×100", "SC40×100", "SC50×150", "SC63×200"}, 9500, false},
        {"PNU", "二位五通电磁阀", "个", {"4V210-08 DC24V", "4V310-10 DC24V", "4V410-15 AC220V"}, 6500, false},
        {"HYD", "齿轮泵", "台", {"CBN-E306", "CBN-E310", "CBN-E316"}, 45000, false},
        {"HYD", "液压油缸", "支", {"HOB40×100", "HOB50×150", "HOB63×200"}, 52000, false},
        {"STL", "Q235冷轧钢板", "千克", {"1.0mm", "1.5mm", "2.0mm", "3.0mm"}, 520, true},
        {"STL", "45#圆钢", "千克", {"Φ20", "Φ30", "Φ40", "Φ50"}, 560, true},
        {"STL", "304不锈钢板", "千克", {"1.0mm", "2.0mm", "3.0mm"}, 1650, true},
        {"PKG", "五层瓦楞纸箱", "个", {"400×300×300", "500×400×400", "600×400×400", "600×500×500"}, 650, false},
        {"PKG", "缠绕膜", "卷", {"50cm×300m", "50cm×500m"}, 3800, false},
        {"PKG", "木托盘", "个", {"1200×1000", "1200×800"}, 9000, false},
        {"ELC", "交流接触器", "个", {"CJX2-0910 AC220V", "CJX2-1810 AC220V", "CJX2-3210 AC380V"}, 5200, false},
        {"ELC", "小型断路器", "个", {"DZ47-63 C16", "DZ47-63 C32", "DZ47-63 C63"}, 1600, false},
        {"ELC", "中间继电器", "个", {"MY2N DC24V", "MY4N DC24V", "MY4N AC220V"}, 1200, false},
        {"TOL", "硬质合金立铣刀", "支", {"Φ4", "Φ6", "Φ8", "Φ10", "Φ12"}, 4500, false},
        {"TOL", "高速钢麻花钻", "支", {"Φ5", "Φ6.8", "Φ8.5", "Φ10.2"}, 800, false},
    };
    QList<DemoProduct> out;
    QRandomGenerator rng(3);
    int longest = 0;
    for (const Template &t : templates) longest = std::max(longest, int(t.specs.size()));
    for (int round = 0; out.size() < count && round < longest; ++round)
        for (const Template &t : templates) {
            if (out.size() >= count) break;
            if (round >= t.specs.size()) continue;
            DemoProduct p;
            p.category = QString::fromLatin1(t.category);
            p.name = QString::fromUtf8(t.name);
            p.spec = t.specs[round];
            p.unit = QString::fromUtf8(t.unit);
            p.costFen = t.baseCost + qint64(rng.bounded(quint32(t.baseCost / 3 + 1))) + round * t.baseCost / 10;
            p.priceFen = p.costFen * (125 + qint64(rng.bounded(20))) / 100 / 10 * 10; // 25–45% margin, whole 角
            p.safetyUnits = 5 + qint64(rng.bounded(40));
            p.lotTracked = t.lot;
            out << p;
        }
    // Fewer templates than products: the rest are second grades of the same items.
    for (int i = 0; out.size() < count; ++i) {
        DemoProduct p = out[i];
        p.name = p.name + QStringLiteral("（国产替代）");
        p.costFen = p.costFen * 80 / 100;
        p.priceFen = p.priceFen * 82 / 100;
        out << p;
    }
    return out;
}

} // namespace liuhe::demo
