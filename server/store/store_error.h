// A failed SQL statement, classified so the writer knows whether to retry the
// batch, reconnect, or fail the one call.
#pragma once

#include <QString>
#include <stdexcept>

namespace liuhe::store {

class StoreError : public std::runtime_error {
public:
    enum class Kind {
        Retryable,      // SQLITE_BUSY/LOCKED, serialization failure, deadlock
        ConnectionLost, // the server went away; reconnect
        Full,           // disk or quota full
        Constraint,     // a constraint the code did not check first
        Other,
    };
    StoreError(Kind kind, const QString &message, const QString &nativeCode)
        : std::runtime_error(message.toStdString()), m_kind(kind), m_message(message), m_native(nativeCode) {}

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    const QString &nativeCode() const { return m_native; }
    bool isRetryable() const { return m_kind == Kind::Retryable; }

private:
    Kind m_kind;
    QString m_message;
    QString m_native;
};

} // namespace liuhe::store
