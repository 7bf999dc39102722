// The outcome of a call: a CBOR result or a typed error with field details.
// Server handlers return it; the client's connection hands it to callers.
#pragma once

#include "protocol/error_code.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>
#include <variant>

namespace liuhe::protocol {

// One field's problem: VALIDATION (required, too_long …), CONFLICT (with the
// current value the user must choose against) or PERMISSION_DENIED (protected).
struct FieldProblem {
    QString field;
    QString code;
    QCborValue current;  // CONFLICT: the value now stored
    qint64 line = 0;     // document lines: the line id (0 = header, -n = new line n)
    QCborMap extra;      // e.g. {"max": 100}

    QCborMap toCbor() const;
    static FieldProblem fromCbor(const QCborMap &map);
};

class CallError {
public:
    CallError() = default;
    CallError(ErrorCode code, QString message, QList<FieldProblem> fields = {}, QCborMap details = {})
        : m_code(code), m_message(std::move(message)), m_fields(std::move(fields)), m_details(std::move(details)) {}

    ErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QList<FieldProblem> &fields() const { return m_fields; }
    const QCborMap &details() const { return m_details; }
    bool isRetryable() const { return protocol::isRetryable(m_code); }

    QCborMap toCbor() const;
    static CallError fromCbor(const QCborMap &map);

private:
    ErrorCode m_code = ErrorCode::Internal;
    QString m_message;
    QList<FieldProblem> m_fields;
    QCborMap m_details; // extra keys, e.g. retry_after_s, available
};

// A result already encoded as CBOR (a large column table written straight
// from its statement): sent as it is, decoded only if someone in this process
// asks for value().
struct EncodedResult {
    QByteArray cbor;
};

class Reply {
public:
    Reply() : m_value(QCborValue()) {}
    Reply(EncodedResult encoded) : m_value(std::move(encoded)) {}
    Reply(QCborValue value) : m_value(std::move(value)) {}
    Reply(QCborMap value) : m_value(QCborValue(std::move(value))) {}
    Reply(CallError error) : m_value(std::move(error)) {}
    static Reply fail(ErrorCode code, const QString &message, QList<FieldProblem> fields = {})
    {
        return Reply(CallError(code, message, std::move(fields)));
    }

    bool isOk() const { return !std::holds_alternative<CallError>(m_value); }
    const QCborValue &value() const;
    const CallError &error() const { return std::get<CallError>(m_value); }
    // The result as CBOR bytes (encoded here unless it came encoded).
    QByteArray encodedValue() const;

private:
    std::variant<QCborValue, CallError, EncodedResult> m_value;
    mutable std::optional<QCborValue> m_decoded; // value() of an EncodedResult
};

} // namespace liuhe::protocol
