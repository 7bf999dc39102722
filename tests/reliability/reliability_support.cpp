#include "reliability_support.h"

#include "erp_fixture.h"
#include "test_data.h"

#include <QCborArray>
#include <QRandomGenerator>

namespace liuhe::reliability {

using protocol::ErrorCode;
using protocol::Reply;
using M = QCborMap;
using A = QCborArray;

bool longRun() { return qEnvironmentVariableIntValue("LIUHE_RELIABILITY_LONG") != 0; }

bool isTransient(const Reply &reply)
{
    if (reply.isOk()) return false;
    switch (reply.error().code()) {
    case ErrorCode::Unavailable:
    case ErrorCode::Timeout:
    case ErrorCode::SessionExpired:
    case ErrorCode::AuthRequired:
        return true;
    default:
        return false;
    }
}

bool seedStock(client::SyncClient &admin, const QString &tag, int products, qint64 unitsEach, Stock &out, QString *error)
{
    test::Erp erp(admin);
    out.warehouse = erp.warehouse(QStringLiteral("W-") + tag);
    out.customer = erp.customer(QStringLiteral("C-") + tag, QStringLiteral("可靠性测试客户") + tag);
    const qint64 supplier = erp.supplier(QStringLiteral("S-") + tag, QStringLiteral("可靠性测试供应商") + tag);
    QList<test::LineSpec> lines;
    for (int i = 0; i < products; ++i) {
        const qint64 p = erp.product(QStringLiteral("P-%1-%2").arg(tag).arg(i), QStringLiteral("测试商品%1").arg(i), 1500, 900);
        out.products << p;
        lines.append({p, unitsEach * 1000, 900});
    }
    if (!out.warehouse || !out.customer || !supplier || out.products.contains(0) || !erp.buy(supplier, out.warehouse, lines)) {
        if (error) *error = QStringLiteral("cannot seed stock: %1").arg(test::describe(erp.lastError));
        return false;
    }
    return true;
}

OrderWorker::OrderWorker(client::ServerAddress address, QString user, QString password, QString tag, Stock stock, int linesPerOrder)
    : m_address(std::move(address)), m_user(std::move(user)), m_password(std::move(password)), m_tag(std::move(tag)), m_stock(std::move(stock)),
      m_lines(linesPerOrder)
{
}

OrderWorker::~OrderWorker() { stop(); }

void OrderWorker::start()
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start();
}

void OrderWorker::stop()
{
    m_stop = true;
    if (m_thread) {
        m_thread->wait();
        m_thread.reset();
    }
}

QStringList OrderWorker::acknowledged() const
{
    std::lock_guard lock(m_mutex);
    return m_acknowledged;
}

QHash<QString, int> OrderWorker::refusals() const
{
    std::lock_guard lock(m_mutex);
    return m_refusals;
}

bool OrderWorker::ensureSession(std::unique_ptr<client::SyncClient> &c)
{
    while (!m_stop) {
        if (c && c->isConnected()) return true;
        c = std::make_unique<client::SyncClient>();
        if (c->connectTo(m_address, nullptr, 2000) && c->login(m_user, m_password).isOk()) return true;
        c.reset();
        QThread::msleep(100);
    }
    return false;
}

Reply OrderWorker::callRetrying(std::unique_ptr<client::SyncClient> &c, const QString &name, const QCborMap &args, const QString &key)
{
    for (;;) {
        if (!ensureSession(c)) return Reply::fail(ErrorCode::Unavailable, QStringLiteral("stopped"));
        const Reply r = c->call(name, args, key, 20000);
        if (r.isOk() || (!isTransient(r) && c->isConnected())) return r;
        ++m_retries;
        if (!c->isConnected()) c.reset();
        QThread::msleep(50);
        if (m_stop && !c) return Reply::fail(ErrorCode::Unavailable, QStringLiteral("stopped"));
    }
}

void OrderWorker::run()
{
    std::unique_ptr<client::SyncClient> c;
    QRandomGenerator rng(qHash(m_tag));
    for (int n = 0; !m_stop; ++n) {
        const QString token = QStringLiteral("%1-%2").arg(m_tag).arg(n);
        A lines;
        for (int i = 0; i < m_lines; ++i)
            lines.append(M{{QStringLiteral("product_id"), m_stock.products.at(qsizetype(rng.bounded(quint32(m_stock.products.size()))))},
                           {QStringLiteral("quantity"), 1000}});
        Reply r = callRetrying(c, QStringLiteral("data.save"),
                               M{{QStringLiteral("entity"), QStringLiteral("sales_order")},
                                 {QStringLiteral("changes"), M{{QStringLiteral("customer_id"), m_stock.customer}, {QStringLiteral("warehouse_id"), m_stock.warehouse},
                                                               {QStringLiteral("customer_po"), token}}},
                                 {QStringLiteral("lines"), lines}},
                               token + QStringLiteral("/save"));
        for (const char *action : {"confirm", "deliver"}) {
            if (!r.isOk()) break;
            const M doc = r.value().toMap();
            r = callRetrying(c, QStringLiteral("doc.action"),
                             M{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("id"), doc.value(QStringLiteral("id"))},
                               {QStringLiteral("version"), doc.value(QStringLiteral("version"))}, {QStringLiteral("action"), QString::fromLatin1(action)}},
                             token + u'/' + QString::fromLatin1(action));
        }
        std::lock_guard lock(m_mutex);
        if (r.isOk()) {
            m_acknowledged << token;
            ++m_completed;
        } else if (!(m_stop && r.error().message() == QLatin1String("stopped"))) {
            ++m_refusals[protocol::errorCodeName(r.error().code())];
        }
    }
}

QString invariantProblems(client::SyncClient &admin)
{
    const Reply r = admin.call(QStringLiteral("system.check"), {}, {}, 300000);
    if (!r.isOk()) return test::describe(r);
    if (r.value().toMap().value(QStringLiteral("ok")).toBool()) return {};
    QStringList list;
    for (const auto &p : r.value().toMap().value(QStringLiteral("problems")).toArray()) list << p.toString();
    return list.join(u'\n');
}

QHash<QString, int> ordersByToken(client::SyncClient &admin, const QString &tag)
{
    QHash<QString, int> out;
    QCborValue after;
    for (;;) {
        M args{{QStringLiteral("entity"), QStringLiteral("sales_order")}, {QStringLiteral("limit"), 1000}, {QStringLiteral("sort"), QStringLiteral("id")},
               {QStringLiteral("filter"), A{QStringLiteral("like"), QStringLiteral("customer_po"), tag + QStringLiteral("-%")}}};
        if (!after.isUndefined()) args.insert(QStringLiteral("after"), after);
        const Reply page = admin.call(QStringLiteral("data.query"), args);
        if (!page.isOk()) return out;
        for (const QCborMap &row : test::rowsOf(page)) ++out[row.value(QStringLiteral("customer_po")).toString()];
        after = page.value().toMap().value(QStringLiteral("next"));
        if (after.isNull() || after.isUndefined()) break;
    }
    return out;
}

} // namespace liuhe::reliability
