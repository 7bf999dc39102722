#include "views/error_text.h"

#include <QCoreApplication>

namespace liuhe::views {

using protocol::ErrorCode;

QString errorMessage(const protocol::CallError &error)
{
    switch (error.code()) {
    case ErrorCode::AuthFailed: return QCoreApplication::translate("Error", "Wrong user name or password.");
    case ErrorCode::AuthThrottled:
        return QCoreApplication::translate("Error", "Too many failed attempts: the account is locked for now. Try again in %1 seconds.")
            .arg(error.details().value(QStringLiteral("retry_after_s")).toInteger());
    case ErrorCode::AccountDisabled:
        return QCoreApplication::translate("Error", "This account has been disabled. Please contact your administrator.");
    case ErrorCode::AuthRequired: return QCoreApplication::translate("Error", "Please log in.");
    case ErrorCode::SessionExpired: return QCoreApplication::translate("Error", "Your session has ended. Please log in again.");
    case ErrorCode::PasswordPolicy: return QCoreApplication::translate("Error", "The new password does not meet the password rules.");
    case ErrorCode::PermissionDenied: return QCoreApplication::translate("Error", "You do not have permission to do this.");
    case ErrorCode::Validation: return QCoreApplication::translate("Error", "Some fields need attention.");
    case ErrorCode::Conflict: return QCoreApplication::translate("Error", "Someone else changed this record meanwhile.");
    case ErrorCode::NotFound: return QCoreApplication::translate("Error", "Not found (it may have been deleted, or it is outside your scope).");
    case ErrorCode::InvalidState: return QCoreApplication::translate("Error", "Not possible in the document's current state.");
    case ErrorCode::InsufficientStock: return QCoreApplication::translate("Error", "Not enough stock.");
    case ErrorCode::CreditLimit:
        return QCoreApplication::translate("Error", "The customer's credit limit would be exceeded.");
    case ErrorCode::Limit: return QCoreApplication::translate("Error", "Too many requests at once; please wait a moment.");
    case ErrorCode::Timeout: return QCoreApplication::translate("Error", "The server did not answer in time.");
    case ErrorCode::Unavailable: return QCoreApplication::translate("Error", "Cannot reach the server right now; nothing was lost. Try again shortly.");
    case ErrorCode::UnsupportedVersion:
        return QCoreApplication::translate("Error", "This client and the server speak different protocol versions. Please update the client.");
    case ErrorCode::UnknownCall:
    case ErrorCode::UnknownKind: return QCoreApplication::translate("Error", "The server does not know this request. Please update the client.");
    case ErrorCode::BadRequest:
        return QCoreApplication::translate("Error", "The server could not carry out this request; nothing was changed. "
                                                    "Refresh and try again, and tell your administrator if it keeps happening.");
    case ErrorCode::Protocol:
        return QCoreApplication::translate("Error", "The connection to the server was garbled; nothing was changed. Please try again.");
    case ErrorCode::Internal: break; // every code has its sentence; anything else reads as a server fault
    }
    return QCoreApplication::translate("Error", "An error occurred on the server; nothing was changed. "
                                                "Try again later, and tell your administrator if it keeps happening.");
}

} // namespace liuhe::views
