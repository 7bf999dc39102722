// What the server accepts as an attachment (附件), shared so the client can say
// so before it sends megabytes: a plain file name (no path, no control
// characters), a MIME type of the usual form, and a size limit.
#pragma once

#include <QString>

namespace liuhe::attachments {

// The server's limit unless configured otherwise (--max-attachment-mb).
constexpr qint64 kDefaultMaxBytes = 10 * 1024 * 1024;
// The highest limit a server may be configured with: an upload travels in one
// frame, and frames stop at 16 MiB, so the file and its arguments must fit.
constexpr qint64 kCeilingBytes = 15 * 1024 * 1024;
constexpr int kMaxFileNameLength = 255;
constexpr int kMaxMimeLength = 100;
inline const QString kDefaultMime = QStringLiteral("application/octet-stream");

// "" when the (trimmed) name is acceptable, else the field problem code:
// "required", "too_long" or "format" (path separators, control characters,
// direction overrides, "." and "..").
QString fileNameProblem(const QString &name);
// "" or "format"/"too_long" for a MIME type ("" is allowed and means the default).
QString mimeProblem(const QString &mime);

} // namespace liuhe::attachments
