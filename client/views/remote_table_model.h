// A table model over the server's data.query: pages of rows fetched as the view
// scrolls (canFetchMore/fetchMore), sorting by the server, filters, totals of
// amount columns over the whole filter, and live refresh when pushes say a loaded
// record changed. Memory stays bounded: pages far from view are dropped (their
// cursors kept) and fetched again if the user scrolls back.
#pragma once

#include "net/session.h"
#include "schema/entity.h"

#include <QAbstractTableModel>
#include <QCborArray>
#include <QCborMap>
#include <QHash>
#include <QSet>

namespace liuhe::views {

class RemoteTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;
    static constexpr int kMaxPagesInMemory = 25;
    enum Roles { IdRole = Qt::UserRole + 1, RawValueRole, VersionRole };

    RemoteTableModel(client::Session &session, const schema::Entity &entity, QObject *parent = nullptr);
    ~RemoteTableModel() override;

    const schema::Entity &entity() const { return m_entity; }
    // Fields shown as columns, in order.
    void setColumns(const QStringList &fields);
    const QList<const schema::Field *> &columns() const { return m_columns; }
    // A filter in wire form (see common/schema/filter.h); the search text is added to it.
    void setFilter(const QCborValue &filter);
    void setSearch(const QString &text);
    QCborValue effectiveFilter() const;
    void setIncludeArchived(bool include);
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

    qint64 idAt(int row) const;
    // The loaded values of a row by column name (empty if the page is not in memory).
    QCborMap rowAt(int row) const;
    qint64 total() const { return m_total; }
    const QCborMap &sums() const { return m_sums; }
    bool isLoading() const { return m_pending > 0; }
    bool isStale() const { return m_stale; }
    int pagesInMemory() const;
    QString sortField() const { return m_sort; }
    bool sortDescending() const { return m_desc; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalsChanged();
    void failed(const QString &message);
    void staleChanged(bool stale);
    void pageLoaded(int page);

private:
    struct Page {
        QCborValue after; // cursor of the row before the page (undefined for the first)
        QList<QCborArray> rows;
        int count = 0;
        bool inMemory = false;
        bool requested = false;
        qint64 lastUsed = 0;
    };
    void requestPage(int page) const;
    void pageArrived(int page, int generation, const protocol::Reply &reply);
    void dropDistantPages(int keep);
    void onEvent(const QString &event, const QCborMap &data);
    QCborMap queryArgs(const QCborValue &after, bool first) const;
    int columnIndex(const QString &name) const;

    client::Session &m_session;
    const schema::Entity &m_entity;
    QList<const schema::Field *> m_columns;
    QCborValue m_filter;
    QString m_search;
    bool m_includeArchived = false;
    QString m_sort;
    bool m_desc = false;

    mutable QList<Page> m_pages;
    int m_rowCount = 0; // the pages' counts summed: views ask for it constantly
    QHash<QString, int> m_serverColumns; // name -> position in a row
    QCborValue m_nextCursor;
    bool m_hasMore = false;
    mutable bool m_fetchingMore = false;
    mutable int m_pending = 0;
    int m_generation = 0;
    mutable qint64 m_clock = 0;
    qint64 m_total = -1;
    QCborMap m_sums;
    bool m_stale = false;
};

} // namespace liuhe::views
