#include "store/record_codec.h"

#include "search/pinyin.h"

namespace liuhe::store {

using schema::Field;
using schema::FieldType;

void appendSqlValues(const Field &field, const QCborValue &wire, QVariantList &out)
{
    const bool null = wire.isNull() || wire.isUndefined();
    switch (field.type) {
    case FieldType::Address: {
        const QCborMap m = wire.toMap();
        auto text = [&](const char *key) {
            const QString v = m.value(QLatin1String(key)).toString();
            return v.isEmpty() ? QVariant() : QVariant(v);
        };
        out << text("code") << text("name") << text("detail");
        return;
    }
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Quantity:
    case FieldType::Ref:
        out << (null ? QVariant() : QVariant(qlonglong(wire.toInteger())));
        return;
    case FieldType::Bool:
        out << (null ? QVariant() : QVariant(wire.toBool() ? 1 : 0));
        return;
    default:
        out << (null ? QVariant() : QVariant(wire.toString()));
        if (field.has(schema::Searchable))
            out << (null ? QVariant() : QVariant(search::Pinyin::instance().sortKey(wire.toString())));
        return;
    }
}

namespace {

// One driver call per cell (the writer reads thousands per second). A number
// stored as text (a hand-edited store) converts as QVariant would.
qint64 integerOrZero(const Query::Field &f)
{
    return f.type == Query::Type::Text ? f.utf8.toLongLong() : f.integer;
}

} // namespace

QCborValue readSqlValues(const Field &field, const Query &query, int &col)
{
    const int at = col++;
    switch (field.type) {
    case FieldType::Address: {
        col += 2;
        if (query.isNull(at) && query.isNull(at + 2)) return QCborValue(QCborValue::Null);
        QCborMap m;
        m.insert(QStringLiteral("code"), query.text(at));
        m.insert(QStringLiteral("name"), query.text(at + 1));
        m.insert(QStringLiteral("detail"), query.text(at + 2));
        return m;
    }
    case FieldType::Ref: {
        // Ledger tables use 0 for "none" where a unique key needs a value.
        const qint64 id = integerOrZero(query.field(at));
        return id == 0 ? QCborValue(QCborValue::Null) : QCborValue(id);
    }
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Quantity: {
        const Query::Field f = query.field(at);
        return f.type == Query::Type::Null ? QCborValue(QCborValue::Null) : QCborValue(integerOrZero(f));
    }
    case FieldType::Bool:
        return QCborValue(integerOrZero(query.field(at)) != 0);
    default:
        return query.isNull(at) ? QCborValue(QCborValue::Null) : QCborValue(query.text(at));
    }
}

QCborValue auditValue(const Field &field, const QCborValue &wire)
{
    if (field.isSensitive()) return QStringLiteral("***");
    return wire;
}

} // namespace liuhe::store
