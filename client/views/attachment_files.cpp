#include "views/attachment_files.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace liuhe::views {

QString fileSizeText(qint64 bytes)
{
    if (bytes < 1024) return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024) return QStringLiteral("%1 KB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

QString safeLocalFileName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name) {
        const bool refused = QStringLiteral("<>:\"/\\|?*").contains(c) || c.category() == QChar::Other_Control;
        out += refused ? QChar(u'_') : c;
    }
    out = out.trimmed();
    if (out.isEmpty() || out == QLatin1String(".") || out == QLatin1String("..")) out = QStringLiteral("attachment");
    return out;
}

QString temporaryCopyPath(qint64 attachmentId, const QString &fileName)
{
    return QDir(QDir::tempPath()).filePath(QStringLiteral("liuhe-attachments/%1/%2").arg(attachmentId).arg(safeLocalFileName(fileName)));
}

bool writeLocalFile(const QString &path, const QByteArray &content, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace liuhe::views
