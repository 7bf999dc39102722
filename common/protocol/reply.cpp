#include "protocol/reply.h"

namespace liuhe::protocol {

QCborMap FieldProblem::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("field"), field);
    m.insert(QStringLiteral("code"), code);
    if (!current.isUndefined()) m.insert(QStringLiteral("current"), current);
    if (line != 0) m.insert(QStringLiteral("line"), line);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) m.insert(it.key(), it.value());
    return m;
}

FieldProblem FieldProblem::fromCbor(const QCborMap &map)
{
    FieldProblem p;
    p.field = map.value(QStringLiteral("field")).toString();
    p.code = map.value(QStringLiteral("code")).toString();
    p.current = map.value(QStringLiteral("current"));
    p.line = map.value(QStringLiteral("line")).toInteger();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const QString k = it.key().toString();
        if (k != QLatin1String("field") && k != QLatin1String("code") && k != QLatin1String("current") && k != QLatin1String("line"))
            p.extra.insert(it.key(), it.value());
    }
    return p;
}

QCborMap CallError::toCbor() const
{
    QCborMap m = m_details;
    m.insert(QStringLiteral("code"), errorCodeName(m_code));
    m.insert(QStringLiteral("message"), m_message);
    if (!m_fields.isEmpty()) {
        QCborArray fields;
        for (const auto &f : m_fields) fields.append(f.toCbor());
        m.insert(QStringLiteral("fields"), fields);
    }
    if (protocol::isRetryable(m_code)) m.insert(QStringLiteral("retryable"), true);
    return m;
}

CallError CallError::fromCbor(const QCborMap &map)
{
    const auto code = errorCodeFromName(map.value(QStringLiteral("code")).toString());
    QList<FieldProblem> fields;
    for (const auto &f : map.value(QStringLiteral("fields")).toArray()) fields.append(FieldProblem::fromCbor(f.toMap()));
    QCborMap details;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const QString k = it.key().toString();
        if (k != QLatin1String("code") && k != QLatin1String("message") && k != QLatin1String("fields") && k != QLatin1String("retryable"))
            details.insert(it.key(), it.value());
    }
    return CallError(code.value_or(ErrorCode::Internal), map.value(QStringLiteral("message")).toString(), fields, details);
}

const QCborValue &Reply::value() const
{
    if (const auto *encoded = std::get_if<EncodedResult>(&m_value)) {
        if (!m_decoded) m_decoded = QCborValue::fromCbor(encoded->cbor);
        return *m_decoded;
    }
    return std::get<QCborValue>(m_value);
}

QByteArray Reply::encodedValue() const
{
    if (const auto *encoded = std::get_if<EncodedResult>(&m_value)) return encoded->cbor;
    return value().toCbor();
}

} // namespace liuhe::protocol
