// Export of a list as filtered and sorted on screen: every page is fetched from
// the server and written by writeTableFile (table_file.h) as CSV (UTF-8 with BOM,
// or GB18030 for older Chinese software) or XLSX.
#pragma once

#include "net/session.h"
#include "schema/entity.h"
#include "text/csv_encoding.h"

#include <QCborArray>
#include <QCborMap>
#include <QHash>
#include <QObject>

namespace liuhe::views {

class ListExport : public QObject {
    Q_OBJECT
public:
    ListExport(client::Session &session, const schema::Entity &entity, const QList<const schema::Field *> &columns, const QCborValue &filter,
               const QString &sort, bool descending, QObject *parent = nullptr);
    // .xlsx by the extension, else CSV in the given encoding.
    void start(const QString &path, text::CsvEncoding csvEncoding = text::CsvEncoding::Utf8);

Q_SIGNALS:
    void finished(bool ok, int rows, const QString &message);

private:
    void fetch(const QCborValue &after);
    bool write();
    QString cellText(const schema::Field &field, const QCborArray &row) const;

    client::Session &m_session;
    const schema::Entity &m_entity;
    QList<const schema::Field *> m_columns;
    QCborValue m_filter;
    QString m_sort;
    bool m_desc;
    QString m_path;
    text::CsvEncoding m_encoding = text::CsvEncoding::Utf8;
    QHash<QString, int> m_index;
    QList<QCborArray> m_rows;
};

} // namespace liuhe::views
