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

QCborValue readSqlValues(const Field &field, const Query &query, int &col)
{
    switch (field.type) {
    case FieldType::Address: {
        const QVariant code = query.value(col), name = query.value(col + 1), detail = query.value(col + 2);
        col += 3;
        if (code.isNull() && detail.isNull()) return QCborValue(QCborValue::Null);
        QCborMap m;
        m.insert(QStringLiteral("code"), code.toString());
        m.insert(QStringLiteral("name"), name.toString());
        m.insert(QStringLiteral("detail"), detail.toString());
        return m;
    }
    case FieldType::Ref: {
        // Ledger tables use 0 for "none" where a unique key needs a value.
        const QVariant v = query.value(col++);
        return v.isNull() || v.toLongLong() == 0 ? QCborValue(QCborValue::Null) : QCborValue(v.toLongLong());
    }
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Quantity: {
        const QVariant v = query.value(col++);
        return v.isNull() ? QCborValue(QCborValue::Null) : QCborValue(v.toLongLong());
    }
    case FieldType::Bool: {
        const QVariant v = query.value(col++);
        return v.isNull() ? QCborValue(false) : QCborValue(v.toInt() != 0);
    }
    default: {
        const QVariant v = query.value(col++);
        return v.isNull() ? QCborValue(QCborValue::Null) : QCborValue(v.toString());
    }
    }
}

QCborValue auditValue(const Field &field, const QCborValue &wire)
{
    if (field.isSensitive()) return QStringLiteral("***");
    return wire;
}

} // namespace liuhe::store
