#include "purchase/quote_comparison.h"

#include "documents/document_store.h"
#include "domain/money.h"
#include "domain/quantity.h"
#include "rpc/call_registry.h"
#include "store/db.h"
#include "store/record_access.h"

#include <QCborArray>
#include <QDate>

#include <climits>

namespace liuhe::purchase {

using protocol::ErrorCode;
using protocol::Reply;

namespace {

struct Wanted {
    qint64 product = 0, quantity = 0;
    QString code, name;
};

struct Offer {
    qint64 price = 0, quantity = 0, amount = 0;
    std::optional<qint64> leadDays;
};

struct Quote {
    qint64 id = 0, supplierId = 0, amountTotal = 0, version = 0;
    QString number, supplier, state, validUntil;
    QHash<qint64, Offer> offers; // per product
    qint64 total = 0;            // the requisition's quantities at the quoted prices
    std::optional<qint64> leadDays;
    QCborArray missing;
    bool expired = false;
    bool comparable() const { return missing.isEmpty() && !expired; }
};

QList<Wanted> wantedOf(store::Db &db, qint64 requisition)
{
    QList<Wanted> out;
    store::Query &q = db.run(QStringLiteral("SELECT l.product_id, SUM(l.quantity), p.code, p.name FROM purchase_requisition_line l JOIN product p ON p.id = l.product_id "
                                         "WHERE l.requisition_id = ? GROUP BY l.product_id, p.code, p.name ORDER BY MIN(l.id)"),
                          {requisition});
    while (q.next()) out.append(Wanted{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString()});
    q.finish();
    return out;
}

QList<Quote> quotesOf(store::Db &db, const auth::Caller &caller, qint64 requisition)
{
    QVariantList binds;
    const auto condition = store::scopeCondition(documents::entityNamed(QStringLiteral("supplier_quote")), caller, QStringLiteral("read"), QStringLiteral("t"), binds);
    if (!condition) return {};
    binds << requisition;
    QList<Quote> out;
    store::Query &q = db.run(QStringLiteral("SELECT t.id, t.number, t.supplier_id, s.name, t.state, t.valid_until, t.amount_total, t.version FROM supplier_quote t "
                                         "JOIN supplier s ON s.id = t.supplier_id WHERE %1 AND t.requisition_id = ? AND t.state IN ('confirmed', 'done') ORDER BY t.id")
                              .arg(*condition),
                          binds);
    while (q.next()) {
        Quote quote;
        quote.id = q.value(0).toLongLong();
        quote.number = q.value(1).toString();
        quote.supplierId = q.value(2).toLongLong();
        quote.supplier = q.value(3).toString();
        quote.state = q.value(4).toString();
        quote.validUntil = q.value(5).toString();
        quote.amountTotal = q.value(6).toLongLong();
        quote.version = q.value(7).toLongLong();
        out.append(quote);
    }
    q.finish();
    for (Quote &quote : out) {
        // A product quoted on several lines is offered at its lowest price.
        store::Query &l = db.run(QStringLiteral("SELECT product_id, price, quantity, amount, lead_days FROM supplier_quote_line WHERE quote_id = ? ORDER BY id"), {quote.id});
        while (l.next()) {
            Offer offer{l.value(1).toLongLong(), l.value(2).toLongLong(), l.value(3).toLongLong(), {}};
            if (!l.value(4).isNull()) offer.leadDays = l.value(4).toLongLong();
            const qint64 product = l.value(0).toLongLong();
            if (!quote.offers.contains(product) || offer.price < quote.offers.value(product).price) quote.offers.insert(product, offer);
        }
        l.finish();
    }
    return out;
}

QCborValue orNull(const std::optional<qint64> &v) { return v ? QCborValue(*v) : QCborValue(QCborValue::Null); }

} // namespace

Reply compareQuotes(store::Db &db, const auth::Caller &caller, const QCborMap &args)
{
    const qint64 requisition = args.value(QStringLiteral("requisition_id")).toInteger();
    const QString number = db.scalar(QStringLiteral("SELECT number FROM purchase_requisition WHERE id = ?"), {requisition}).toString();
    if (number.isEmpty() || !store::recordInScope(db, documents::entityNamed(QStringLiteral("purchase_requisition")), caller, QStringLiteral("read"), requisition))
        return Reply::fail(ErrorCode::NotFound, QStringLiteral("requisition not found"));
    const QList<Wanted> wanted = wantedOf(db, requisition);
    QList<Quote> quotes = quotesOf(db, caller, requisition);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    QHash<qint64, qint64> lowestPrice; // per product, over every quote
    const Quote *cheapest = nullptr;
    for (Quote &quote : quotes) {
        quote.expired = !quote.validUntil.isEmpty() && quote.validUntil < today;
        for (const Wanted &w : wanted) {
            if (!quote.offers.contains(w.product)) {
                quote.missing.append(w.product);
                continue;
            }
            const Offer &offer = quote.offers[w.product];
            quote.total += Money::lineAmount(Quantity::fromMilli(w.quantity), Money::fromFen(offer.price)).fen();
            if (offer.leadDays && (!quote.leadDays || *offer.leadDays > *quote.leadDays)) quote.leadDays = offer.leadDays;
            // An expired price is no longer on offer.
            if (!quote.expired && (!lowestPrice.contains(w.product) || offer.price < lowestPrice.value(w.product))) lowestPrice.insert(w.product, offer.price);
        }
        // Cheapest in total; on a tie the sooner, then the earlier quote.
        const auto sooner = [](const Quote &a, const Quote &b) { return a.leadDays.value_or(LLONG_MAX) < b.leadDays.value_or(LLONG_MAX); };
        if (quote.comparable() && (!cheapest || quote.total < cheapest->total || (quote.total == cheapest->total && sooner(quote, *cheapest))))
            cheapest = &quote;
    }
    QCborArray products;
    for (const Wanted &w : wanted)
        products.append(QCborMap{{QStringLiteral("product_id"), w.product}, {QStringLiteral("code"), w.code}, {QStringLiteral("name"), w.name},
                                 {QStringLiteral("quantity"), w.quantity}});
    QCborArray out;
    for (const Quote &quote : quotes) {
        QCborArray lines;
        for (const Wanted &w : wanted) {
            if (!quote.offers.contains(w.product)) continue;
            const Offer &offer = quote.offers[w.product];
            lines.append(QCborMap{{QStringLiteral("product_id"), w.product}, {QStringLiteral("price"), offer.price}, {QStringLiteral("quoted_qty"), offer.quantity},
                                  {QStringLiteral("amount"), Money::lineAmount(Quantity::fromMilli(w.quantity), Money::fromFen(offer.price)).fen()},
                                  {QStringLiteral("lead_days"), orNull(offer.leadDays)},
                                  {QStringLiteral("lowest_price"), !quote.expired && offer.price == lowestPrice.value(w.product)}});
        }
        out.append(QCborMap{{QStringLiteral("quote_id"), quote.id}, {QStringLiteral("version"), quote.version}, {QStringLiteral("number"), quote.number},
                            {QStringLiteral("supplier_id"), quote.supplierId},
                            {QStringLiteral("supplier"), quote.supplier}, {QStringLiteral("state"), quote.state},
                            {QStringLiteral("valid_until"), quote.validUntil.isEmpty() ? QCborValue(QCborValue::Null) : QCborValue(quote.validUntil)},
                            {QStringLiteral("amount_total"), quote.amountTotal}, {QStringLiteral("total"), quote.total},
                            {QStringLiteral("lead_days"), orNull(quote.leadDays)}, {QStringLiteral("missing"), quote.missing},
                            {QStringLiteral("expired"), quote.expired}, {QStringLiteral("cheapest"), &quote == cheapest}, {QStringLiteral("lines"), lines}});
    }
    return QCborMap{{QStringLiteral("requisition_id"), requisition}, {QStringLiteral("number"), number}, {QStringLiteral("products"), products},
                    {QStringLiteral("quotes"), out}, {QStringLiteral("cheapest_quote_id"), cheapest ? QCborValue(cheapest->id) : QCborValue(QCborValue::Null)}};
}

void registerPurchaseCalls(rpc::CallRegistry &calls)
{
    calls.add({QStringLiteral("purchase.compare_quotes"),
               [](const QCborMap &) { return rpc::Requirement::on(QStringLiteral("supplier_quote"), QStringLiteral("read")); },
               [](store::Db &db, const rpc::CallInput &in) { return compareQuotes(db, in.caller, in.args); }, {}, {}});
}

} // namespace liuhe::purchase
