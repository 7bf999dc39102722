#include "erp_fixture.h"

#include "test_data.h"

#include <QCborArray>

namespace liuhe::test {

using protocol::Reply;

qint64 Erp::saveMaster(const QString &entity, const QCborMap &values)
{
    const Reply r = c.call(QStringLiteral("data.save"), QCborMap{{QStringLiteral("entity"), entity}, {QStringLiteral("changes"), values}});
    if (!r.isOk()) {
        lastError = r;
        qWarning() << "save" << entity << "failed:" << describe(r);
        return 0;
    }
    return r.value().toMap().value(QStringLiteral("id")).toInteger();
}

qint64 Erp::warehouse(const QString &code, bool allowNegative)
{
    return saveMaster(QStringLiteral("warehouse"), QCborMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), QStringLiteral("仓库") + code},
                                                            {QStringLiteral("allow_negative"), allowNegative}});
}

qint64 Erp::location(qint64 warehouseId, const QString &code)
{
    return saveMaster(QStringLiteral("location"), QCborMap{{QStringLiteral("warehouse_id"), warehouseId}, {QStringLiteral("code"), code},
                                                           {QStringLiteral("barcode"), QStringLiteral("LOC-") + code}});
}

qint64 Erp::product(const QString &code, const QString &name, qint64 priceFen, qint64 costFen, const QString &barcode, qint64 safetyMilli, bool serial)
{
    QCborMap v{{QStringLiteral("code"), code}, {QStringLiteral("name"), name}, {QStringLiteral("unit"), QStringLiteral("个")},
               {QStringLiteral("price"), priceFen}, {QStringLiteral("cost"), costFen}, {QStringLiteral("safety_stock"), safetyMilli},
               {QStringLiteral("serial_tracked"), serial}};
    if (!barcode.isEmpty()) v.insert(QStringLiteral("barcode"), barcode);
    return saveMaster(QStringLiteral("product"), v);
}

qint64 Erp::supplier(const QString &code, const QString &name)
{
    return saveMaster(QStringLiteral("supplier"), QCborMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), name}});
}

qint64 Erp::customer(const QString &code, const QString &name, qint64 creditLimitFen)
{
    return saveMaster(QStringLiteral("customer"), QCborMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), name},
                                                           {QStringLiteral("credit_limit"), creditLimitFen}});
}

Reply Erp::saveDocument(const QString &entity, const QCborMap &header, const QList<LineSpec> &lines)
{
    QCborArray l;
    for (const LineSpec &s : lines) {
        QCborMap m{{QStringLiteral("product_id"), s.productId}, {QStringLiteral("quantity"), s.quantityMilli}};
        if (s.priceFen >= 0) m.insert(QStringLiteral("price"), s.priceFen);
        l.append(m);
    }
    return c.call(QStringLiteral("data.save"), QCborMap{{QStringLiteral("entity"), entity}, {QStringLiteral("changes"), header}, {QStringLiteral("lines"), l}});
}

QCborMap Erp::get(const QString &entity, qint64 id)
{
    return c.call(QStringLiteral("data.get"), QCborMap{{QStringLiteral("entity"), entity}, {QStringLiteral("id"), id}}).value().toMap();
}

Reply Erp::update(const QString &entity, qint64 id, const QCborMap &changes)
{
    return c.call(QStringLiteral("data.save"), QCborMap{{QStringLiteral("entity"), entity}, {QStringLiteral("id"), id},
                                                       {QStringLiteral("version"), get(entity, id).value(QStringLiteral("version"))},
                                                       {QStringLiteral("changes"), changes}});
}

Reply Erp::action(const QString &entity, qint64 id, const QString &name, const QCborMap &args)
{
    const qint64 version = get(entity, id).value(QStringLiteral("version")).toInteger();
    return c.call(QStringLiteral("doc.action"), QCborMap{{QStringLiteral("entity"), entity}, {QStringLiteral("id"), id}, {QStringLiteral("version"), version},
                                                         {QStringLiteral("action"), name}, {QStringLiteral("args"), args}});
}

SalesStock Erp::salesStock(const QString &prefix, const QString &customerName)
{
    SalesStock out;
    const qint64 supplierId = supplier(prefix + QStringLiteral("S1"), customerName + QStringLiteral("的供应商"));
    out.customer = customer(prefix + QStringLiteral("C1"), customerName);
    out.warehouse = warehouse(prefix + QStringLiteral("W1"));
    out.bearing = product(QStringLiteral("ZC6204"), QStringLiteral("深沟球轴承6204"), 3000, 2000);
    out.gearbox = product(QStringLiteral("CL01"), QStringLiteral("齿轮箱"), 9000, 6000);
    const qint64 kUnit = 1000;
    if (!buy(supplierId, out.warehouse, {{out.bearing, 50 * kUnit, 2000}, {out.gearbox, 50 * kUnit, 6000}})) return {};
    return out;
}

qint64 Erp::buy(qint64 supplierId, qint64 warehouseId, const QList<LineSpec> &lines)
{
    const Reply po = saveDocument(QStringLiteral("purchase_order"), QCborMap{{QStringLiteral("supplier_id"), supplierId}, {QStringLiteral("warehouse_id"), warehouseId}},
                                  lines);
    if (!po.isOk()) {
        lastError = po;
        return 0;
    }
    const qint64 id = po.value().toMap().value(QStringLiteral("id")).toInteger();
    for (const char *a : {"confirm", "receive"}) {
        const Reply r = action(QStringLiteral("purchase_order"), id, QString::fromLatin1(a));
        if (!r.isOk()) {
            lastError = r;
            qWarning() << "purchase" << a << "failed:" << describe(r);
            return 0;
        }
    }
    return id;
}

qint64 Erp::sell(qint64 customerId, qint64 warehouseId, const QList<LineSpec> &lines)
{
    const Reply so = saveDocument(QStringLiteral("sales_order"), QCborMap{{QStringLiteral("customer_id"), customerId}, {QStringLiteral("warehouse_id"), warehouseId}},
                                  lines);
    if (!so.isOk()) {
        lastError = so;
        return 0;
    }
    const qint64 id = so.value().toMap().value(QStringLiteral("id")).toInteger();
    for (const char *a : {"confirm", "deliver"}) {
        const Reply r = action(QStringLiteral("sales_order"), id, QString::fromLatin1(a));
        if (!r.isOk()) {
            lastError = r;
            return 0;
        }
    }
    return id;
}

qint64 Erp::onHand(qint64 productId, qint64 warehouseId)
{
    const Reply r = c.call(QStringLiteral("data.query"),
                           QCborMap{{QStringLiteral("entity"), QStringLiteral("stock_level")},
                                    {QStringLiteral("filter"), QCborArray{QStringLiteral("and"), QCborArray{QStringLiteral("eq"), QStringLiteral("product_id"), productId},
                                                                          QCborArray{QStringLiteral("eq"), QStringLiteral("warehouse_id"), warehouseId}}}});
    const auto rows = rowsOf(r);
    return rows.isEmpty() ? 0 : rows.first().value(QStringLiteral("on_hand")).toInteger();
}

qint64 Erp::value(qint64 productId, qint64 warehouseId)
{
    const Reply r = c.call(QStringLiteral("data.query"),
                           QCborMap{{QStringLiteral("entity"), QStringLiteral("stock_level")},
                                    {QStringLiteral("filter"), QCborArray{QStringLiteral("and"), QCborArray{QStringLiteral("eq"), QStringLiteral("product_id"), productId},
                                                                          QCborArray{QStringLiteral("eq"), QStringLiteral("warehouse_id"), warehouseId}}}});
    const auto rows = rowsOf(r);
    return rows.isEmpty() ? 0 : rows.first().value(QStringLiteral("value")).toInteger();
}

bool Erp::checkInvariants(QString *problems)
{
    const Reply r = c.call(QStringLiteral("system.check"));
    if (!r.isOk()) {
        if (problems) *problems = describe(r);
        return false;
    }
    QStringList list;
    for (const auto &p : r.value().toMap().value(QStringLiteral("problems")).toArray()) list << p.toString();
    if (problems) *problems = list.join(u'\n');
    return r.value().toMap().value(QStringLiteral("ok")).toBool();
}

} // namespace liuhe::test
