#include "protocol/error_code.h"

namespace liuhe::protocol {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
#define LIUHE_X(e, s) case ErrorCode::e: return QStringLiteral(s);
        LIUHE_ERROR_CODES(LIUHE_X)
#undef LIUHE_X
    }
    return QStringLiteral("INTERNAL");
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
#define LIUHE_X(e, s) if (name == QLatin1String(s)) return ErrorCode::e;
    LIUHE_ERROR_CODES(LIUHE_X)
#undef LIUHE_X
    return std::nullopt;
}

bool isRetryable(ErrorCode code)
{
    return code == ErrorCode::Unavailable || code == ErrorCode::Timeout;
}

} // namespace liuhe::protocol
