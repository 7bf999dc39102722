// Stable error codes carried in ERROR frames. The names are the wire form; never
// renumber or rename one, only add. One list drives the enum and the names.
#pragma once

#include <QString>
#include <optional>

namespace liuhe::protocol {

#define LIUHE_ERROR_CODES(X)                                                         \
    X(BadRequest, "BAD_REQUEST")           /* payload or arguments malformed */      \
    X(UnknownCall, "UNKNOWN_CALL")         /* no such call name */                   \
    X(UnknownKind, "UNKNOWN_KIND")         /* frame kind not understood */           \
    X(UnsupportedVersion, "UNSUPPORTED_VERSION")                                     \
    X(Protocol, "PROTOCOL")                /* malformed frame; connection closes */  \
    X(AuthRequired, "AUTH_REQUIRED")                                                 \
    X(AuthFailed, "AUTH_FAILED")           /* never says whether the user exists */  \
    X(AuthThrottled, "AUTH_THROTTLED")     /* too many failures; retry_after_s */    \
    X(SessionExpired, "SESSION_EXPIRED")                                             \
    X(PasswordPolicy, "PASSWORD_POLICY")                                             \
    X(PermissionDenied, "PERMISSION_DENIED")                                         \
    X(Validation, "VALIDATION")            /* see fields[] */                        \
    X(Conflict, "CONFLICT")                /* see fields[] with current values */    \
    X(NotFound, "NOT_FOUND")                                                         \
    X(InvalidState, "INVALID_STATE")       /* action not allowed in this state */    \
    X(InsufficientStock, "INSUFFICIENT_STOCK")                                       \
    X(CreditLimit, "CREDIT_LIMIT")                                                   \
    X(Limit, "LIMIT")                      /* a protocol or rate limit was hit */    \
    X(Timeout, "TIMEOUT")                                                            \
    X(Unavailable, "UNAVAILABLE")          /* store down or full; retryable */       \
    X(Internal, "INTERNAL")                                                          \
    X(AccountDisabled, "ACCOUNT_DISABLED") /* right password, account disabled */

enum class ErrorCode {
#define LIUHE_X(e, s) e,
    LIUHE_ERROR_CODES(LIUHE_X)
#undef LIUHE_X
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString &name);
// Codes a client may retry unchanged (after a short wait).
bool isRetryable(ErrorCode code);

} // namespace liuhe::protocol
