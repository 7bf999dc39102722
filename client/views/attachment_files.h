// The local side of attachments: sizes as people read them (KB/MB), a file
// name safe on every desktop, and where an opened attachment's copy is written.
#pragma once

#include <QByteArray>
#include <QString>

namespace liuhe::views {

// "512 B", "12.3 KB", "1.5 MB" (1 KB = 1024 bytes).
QString fileSizeText(qint64 bytes);
// The name with characters some file systems refuse (<>:"/\|?* and control
// characters) replaced by "_"; never empty.
QString safeLocalFileName(const QString &name);
// A path for a copy of the attachment to open: a folder per attachment under
// the temporary directory, keeping the original name so programs recognise it.
QString temporaryCopyPath(qint64 attachmentId, const QString &fileName);
// Writes the bytes (creating folders); false with *error set on failure.
bool writeLocalFile(const QString &path, const QByteArray &content, QString *error);

} // namespace liuhe::views
