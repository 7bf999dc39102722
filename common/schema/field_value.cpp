#include "schema/field_value.h"

#include "domain/chinese_format.h"

#include <QCborMap>
#include <QDate>

namespace liuhe::schema {

bool isEmptyValue(const QCborValue &value)
{
    if (value.isNull() || value.isUndefined()) return true;
    if (value.isString()) return value.toString().isEmpty();
    if (value.isMap()) return value.toMap().value(QStringLiteral("code")).toString().isEmpty()
                              && value.toMap().value(QStringLiteral("detail")).toString().isEmpty();
    return false;
}

QCborValue normaliseValue(const Field &field, const QCborValue &value)
{
    if (value.isString()) {
        QString s = value.toString();
        if (field.type != FieldType::LongText) s = s.trimmed();
        if (field.format == TextFormat::Code || field.format == TextFormat::CreditCode)
            s = s.normalized(QString::NormalizationForm_KC).toUpper();
        else if (field.format == TextFormat::Email)
            s = s.normalized(QString::NormalizationForm_KC);
        if (s.isEmpty()) return QCborValue(QCborValue::Null);
        return s;
    }
    if (value.isMap() && field.type == FieldType::Address) {
        QCborMap m = value.toMap();
        QCborMap out;
        out.insert(QStringLiteral("code"), m.value(QStringLiteral("code")).toString().trimmed());
        out.insert(QStringLiteral("name"), m.value(QStringLiteral("name")).toString().trimmed());
        out.insert(QStringLiteral("detail"), m.value(QStringLiteral("detail")).toString().trimmed());
        if (isEmptyValue(out)) return QCborValue(QCborValue::Null);
        return out;
    }
    if (value.isUndefined()) return QCborValue(QCborValue::Null);
    return value;
}

QString checkValue(const Field &field, const QCborValue &value)
{
    if (value.isNull()) return QString();
    switch (field.type) {
    case FieldType::Text:
    case FieldType::LongText:
        if (!value.isString()) return problem::type;
        if (value.toString().size() > field.effectiveMaxLength()) return problem::tooLong;
        if (field.format == TextFormat::CreditCode && !isValidCreditCode(value.toString())) return problem::format;
        if (field.format == TextFormat::Email && !value.toString().contains(u'@')) return problem::format;
        return QString();
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Quantity:
        if (!value.isInteger()) return problem::type;
        if (field.hasMin && value.toInteger() < field.minValue) return problem::tooSmall;
        return QString();
    case FieldType::Bool:
        return value.isBool() ? QString() : problem::type;
    case FieldType::Date: {
        if (!value.isString()) return problem::type;
        const QDate d = QDate::fromString(value.toString(), QStringLiteral("yyyy-MM-dd"));
        return d.isValid() ? QString() : problem::type;
    }
    case FieldType::DateTime:
        if (!value.isString()) return problem::type;
        return fromWireDateTime(value.toString()).isValid() ? QString() : problem::type;
    case FieldType::Enum:
        if (!value.isString()) return problem::type;
        return field.hasOption(value.toString()) ? QString() : problem::enumValue;
    case FieldType::Ref:
        if (!value.isInteger() || value.toInteger() <= 0) return problem::type;
        return QString();
    case FieldType::Address: {
        if (!value.isMap()) return problem::type;
        const QCborMap m = value.toMap();
        const QString code = m.value(QStringLiteral("code")).toString();
        if (!code.isEmpty() && (code.size() != 6 || !std::all_of(code.begin(), code.end(), [](QChar c) { return c.isDigit(); })))
            return problem::format;
        if (m.value(QStringLiteral("detail")).toString().size() > 200 || m.value(QStringLiteral("name")).toString().size() > 100)
            return problem::tooLong;
        return QString();
    }
    }
    return problem::type;
}

bool isValidCreditCode(const QString &code)
{
    // GB 32100-2015: 17 characters from the set below, then a check character.
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    if (code.size() != 18) return false;
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const auto v = alphabet.indexOf(code[i]);
        if (v < 0) return false;
        sum += int(v) * weights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return code[17] == alphabet[check];
}

} // namespace liuhe::schema
