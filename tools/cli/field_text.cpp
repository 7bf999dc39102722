#include "field_text.h"

#include "domain/money.h"
#include "domain/quantity.h"

#include <QCborMap>
#include <QStringList>

namespace liuhe::cli {

using schema::FieldType;

namespace {

const QString kCode = QStringLiteral("code");
const QString kName = QStringLiteral("name");
const QString kDetail = QStringLiteral("detail");

QString addressText(const QCborMap &address)
{
    return QStringList{address.value(kCode).toString(), address.value(kName).toString(), address.value(kDetail).toString()}.join(u'|');
}

// The street part may itself hold '|'; only the first two separate.
QCborMap addressFromText(const QString &text)
{
    const QStringList parts = text.split(u'|');
    if (parts.size() == 1) return QCborMap{{kDetail, text}};
    return QCborMap{{kCode, parts.at(0)}, {kName, parts.at(1)}, {kDetail, parts.mid(2).join(u'|')}};
}

std::optional<bool> boolFromText(const QString &text)
{
    static const QStringList yes = {QStringLiteral("true"), QStringLiteral("1"), QStringLiteral("yes"), QStringLiteral("y"), QStringLiteral("是")};
    static const QStringList no = {QStringLiteral("false"), QStringLiteral("0"), QStringLiteral("no"), QStringLiteral("n"), QStringLiteral("否")};
    const QString t = text.trimmed().toLower();
    if (yes.contains(t)) return true;
    if (no.contains(t)) return false;
    return std::nullopt;
}

} // namespace

QString plainValueText(const QCborValue &value)
{
    if (value.isNull() || value.isUndefined()) return QString();
    if (value.isInteger()) return QString::number(value.toInteger());
    if (value.isBool()) return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble()) return QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

QString fieldValueText(const schema::Field &field, const QCborValue &value)
{
    if (value.isNull() || value.isUndefined()) return QString();
    switch (field.type) {
    case FieldType::Money:
        return value.isInteger() ? Money::fromFen(value.toInteger()).toPlainString() : plainValueText(value);
    case FieldType::Quantity:
        return value.isInteger() ? Quantity::fromMilli(value.toInteger()).toString() : plainValueText(value);
    case FieldType::Address:
        return value.isMap() ? addressText(value.toMap()) : plainValueText(value);
    default:
        return plainValueText(value);
    }
}

QCborValue fieldValueFromText(const schema::Field &field, const QString &text)
{
    switch (field.type) {
    case FieldType::Int:
    case FieldType::Ref: {
        bool ok = false;
        const qint64 n = text.trimmed().toLongLong(&ok);
        return ok ? QCborValue(n) : QCborValue(text);
    }
    case FieldType::Money: {
        const auto money = Money::parse(text);
        return money ? QCborValue(money->fen()) : QCborValue(text);
    }
    case FieldType::Quantity: {
        const auto quantity = Quantity::parse(text);
        return quantity ? QCborValue(quantity->milli()) : QCborValue(text);
    }
    case FieldType::Bool: {
        const auto b = boolFromText(text);
        return b ? QCborValue(*b) : QCborValue(text);
    }
    case FieldType::Address:
        return addressFromText(text);
    default:
        return text;
    }
}

} // namespace liuhe::cli
