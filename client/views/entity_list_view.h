// The list of any entity: filter bar, a table fed page by page by the server
// (sort by clicking a header, choose columns), the count and amount totals of the
// whole filter, a notice when pushes say the list changed, export of the current
// filter to CSV (UTF-8 BOM) or XLSX, and 新建/打开/刷新 with Ctrl+N, Enter, F5.
#pragma once

#include "net/session.h"
#include "schema/entity.h"
#include "text/csv_encoding.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QCheckBox;

namespace liuhe::views {

class FilterBar;
class RemoteTableModel;

class EntityListView : public QWidget {
    Q_OBJECT
public:
    EntityListView(client::Session &session, const schema::Entity &entity, QWidget *parent = nullptr);

    const schema::Entity &entity() const { return m_entity; }
    RemoteTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    FilterBar *filterBar() const { return m_filter; }
    QString footerText() const;
    void refresh();
    // .xlsx or .csv by extension; a CSV in UTF-8 with BOM unless told GB18030.
    void exportTo(const QString &path, text::CsvEncoding csvEncoding = text::CsvEncoding::Utf8);

Q_SIGNALS:
    void openRecord(const QString &entity, qint64 id);
    void newRecord(const QString &entity);
    void exported(const QString &path, int rows);

private:
    void openCurrent();
    void chooseColumns();
    void updateFooter();
    void applyFilter();
    void askExport();

    client::Session &m_session;
    const schema::Entity &m_entity;
    RemoteTableModel *m_model;
    QTableView *m_table;
    FilterBar *m_filter;
    QLabel *m_footer;
    QLabel *m_notice;
    QCheckBox *m_archived;
};

} // namespace liuhe::views
