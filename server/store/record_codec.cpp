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

QCborValue auditValue(const Field &field, const QCborValue &wire)
{
    if (field.isSensitive()) return QStringLiteral("***");
    return wire;
}

} // namespace liuhe::store
