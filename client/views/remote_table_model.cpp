#include "views/remote_table_model.h"

#include "views/error_text.h"
#include "views/field_format.h"

#include <QBrush>
#include <QColor>

namespace liuhe::views {

using protocol::Reply;

RemoteTableModel::RemoteTableModel(client::Session &session, const schema::Entity &entity, QObject *parent)
    : QAbstractTableModel(parent), m_session(session), m_entity(entity), m_sort(entity.defaultSort)
{
    QStringList defaults;
    for (const auto &f : entity.fields)
        if (f.has(schema::ListColumn) && (!f.isSensitive() || session.permissions().canReadFieldGroup(f.sensitiveGroup))) defaults << f.name;
    setColumns(defaults);
    connect(&m_session, &client::Session::eventReceived, this, &RemoteTableModel::onEvent);
    m_session.subscribe(entity.name);
}

RemoteTableModel::~RemoteTableModel() { m_session.unsubscribe(m_entity.name); }

void RemoteTableModel::setColumns(const QStringList &fields)
{
    beginResetModel();
    m_columns.clear();
    for (const QString &name : fields)
        if (const schema::Field *f = m_entity.field(name)) m_columns << f;
    endResetModel();
}

void RemoteTableModel::setFilter(const QCborValue &filter)
{
    m_filter = filter;
    reload();
}

void RemoteTableModel::setSearch(const QString &text)
{
    if (m_search == text.trimmed()) return;
    m_search = text.trimmed();
    reload();
}

void RemoteTableModel::setIncludeArchived(bool include)
{
    m_includeArchived = include;
    reload();
}

QCborValue RemoteTableModel::effectiveFilter() const
{
    QCborArray all{QStringLiteral("and")};
    if (m_filter.isArray()) all.append(m_filter);
    if (!m_search.isEmpty()) all.append(QCborArray{QStringLiteral("search"), m_search});
    return all.size() > 1 ? QCborValue(all) : QCborValue();
}

QCborMap RemoteTableModel::queryArgs(const QCborValue &after, bool first) const
{
    QCborMap args{{QStringLiteral("entity"), m_entity.name}, {QStringLiteral("limit"), kPageSize}, {QStringLiteral("sort"), m_sort},
                  {QStringLiteral("desc"), m_desc}};
    const QCborValue filter = effectiveFilter();
    if (!filter.isUndefined()) args.insert(QStringLiteral("filter"), filter);
    if (!after.isUndefined() && !after.isNull()) args.insert(QStringLiteral("after"), after);
    if (m_includeArchived) args.insert(QStringLiteral("archived"), true);
    if (first) {
        args.insert(QStringLiteral("total"), true);
        QCborArray sums;
        for (const schema::Field *f : m_columns)
            if (f->type == schema::FieldType::Money || f->type == schema::FieldType::Quantity) sums.append(f->name);
        if (!sums.isEmpty()) args.insert(QStringLiteral("sums"), sums);
    }
    return args;
}

void RemoteTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_rowCount = 0;
    m_nextCursor = QCborValue();
    m_hasMore = false;
    m_total = -1;
    m_sums = QCborMap();
    ++m_generation;
    endResetModel();
    if (m_stale) {
        m_stale = false;
        Q_EMIT staleChanged(false);
    }
    Page first;
    m_pages.append(first);
    requestPage(0);
}

void RemoteTableModel::requestPage(int page) const
{
    Page &p = m_pages[page];
    if (p.requested) return;
    p.requested = true;
    if (m_pending++ == 0) Q_EMIT const_cast<RemoteTableModel *>(this)->loadingChanged(true);
    const int generation = m_generation;
    auto *self = const_cast<RemoteTableModel *>(this);
    m_session.call(QStringLiteral("data.query"), queryArgs(p.after, page == 0),
                   this, [self, page, generation](const Reply &r) { self->pageArrived(page, generation, r); });
}

void RemoteTableModel::pageArrived(int page, int generation, const Reply &reply)
{
    if (--m_pending == 0) Q_EMIT loadingChanged(false);
    if (generation != m_generation || page >= m_pages.size()) return;
    Page &p = m_pages[page];
    p.requested = false;
    if (!reply.isOk()) {
        if (page == int(m_pages.size()) - 1) m_fetchingMore = false;
        Q_EMIT failed(errorMessage(reply.error()));
        return;
    }
    const QCborMap result = reply.value().toMap();
    if (m_serverColumns.isEmpty() || page == 0) {
        m_serverColumns.clear();
        const QCborArray columns = result.value(QStringLiteral("columns")).toArray();
        for (qsizetype i = 0; i < columns.size(); ++i) m_serverColumns.insert(columns.at(i).toString(), int(i));
    }
    QList<QCborArray> rows;
    for (const auto &r : result.value(QStringLiteral("rows")).toArray()) rows << r.toArray();
    const bool known = p.count > 0 || p.inMemory; // a page fetched again after being dropped
    if (known) {
        p.rows = rows.mid(0, p.count);
        p.inMemory = true;
        p.lastUsed = ++m_clock;
        Q_EMIT dataChanged(index(page * kPageSize, 0), index(page * kPageSize + p.count - 1, columnCount() - 1));
    } else {
        const int first = page * kPageSize;
        if (!rows.isEmpty()) beginInsertRows({}, first, first + int(rows.size()) - 1);
        p.rows = rows;
        p.count = int(rows.size());
        m_rowCount += p.count;
        p.inMemory = true;
        p.lastUsed = ++m_clock;
        if (!rows.isEmpty()) endInsertRows();
        m_nextCursor = result.value(QStringLiteral("next"));
        m_hasMore = !m_nextCursor.isNull() && !m_nextCursor.isUndefined();
        m_fetchingMore = false;
        if (m_hasMore) {
            Page next;
            next.after = m_nextCursor;
            m_pages.append(next);
        }
    }
    if (page == 0) {
        if (result.contains(QStringLiteral("total"))) m_total = result.value(QStringLiteral("total")).toInteger();
        m_sums = result.value(QStringLiteral("sums")).toMap();
        Q_EMIT totalsChanged();
    }
    dropDistantPages(page);
    Q_EMIT pageLoaded(page);
}

void RemoteTableModel::dropDistantPages(int keep)
{
    QList<int> resident;
    for (int i = 0; i < m_pages.size(); ++i)
        if (m_pages[i].inMemory) resident << i;
    if (resident.size() <= kMaxPagesInMemory) return;
    std::sort(resident.begin(), resident.end(), [this](int a, int b) { return m_pages[a].lastUsed < m_pages[b].lastUsed; });
    for (int i = 0; i < resident.size() - kMaxPagesInMemory; ++i) {
        if (resident[i] == keep) continue;
        Page &p = m_pages[resident[i]];
        p.rows.clear();
        p.rows.squeeze();
        p.inMemory = false;
    }
}

int RemoteTableModel::pagesInMemory() const
{
    int n = 0;
    for (const Page &p : m_pages) n += p.inMemory ? 1 : 0;
    return n;
}

int RemoteTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int RemoteTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_columns.size()); }

bool RemoteTableModel::canFetchMore(const QModelIndex &parent) const { return !parent.isValid() && m_hasMore && !m_fetchingMore; }

void RemoteTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) return;
    m_fetchingMore = true;
    requestPage(int(m_pages.size()) - 1);
}

int RemoteTableModel::columnIndex(const QString &name) const { return m_serverColumns.value(name, -1); }

QCborMap RemoteTableModel::rowAt(int row) const
{
    const int page = row / kPageSize;
    if (row < 0 || page >= m_pages.size()) return {};
    const Page &p = m_pages[page];
    if (!p.inMemory || row - page * kPageSize >= p.rows.size()) return {};
    const QCborArray values = p.rows[row - page * kPageSize];
    QCborMap out;
    for (auto it = m_serverColumns.constBegin(); it != m_serverColumns.constEnd(); ++it) out.insert(it.key(), values.at(it.value()));
    return out;
}

qint64 RemoteTableModel::idAt(int row) const
{
    const int page = row / kPageSize;
    if (row < 0 || page >= m_pages.size() || !m_pages[page].inMemory) return 0;
    return m_pages[page].rows.value(row - page * kPageSize).at(columnIndex(QStringLiteral("id"))).toInteger();
}

QVariant RemoteTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) return {};
    const int page = index.row() / kPageSize;
    if (page >= m_pages.size()) return {};
    Page &p = m_pages[page];
    if (!p.inMemory) {
        requestPage(page); // scrolled back to a dropped page
        return role == Qt::DisplayRole && index.column() == 0 ? QVariant(QStringLiteral("…")) : QVariant();
    }
    p.lastUsed = ++m_clock;
    const int offset = index.row() - page * kPageSize;
    if (offset >= p.rows.size()) return {};
    const QCborArray &row = p.rows[offset];
    const schema::Field *f = m_columns.value(index.column());
    if (!f) return {};
    const QCborValue value = row.at(columnIndex(f->name));
    switch (role) {
    case Qt::DisplayRole: {
        const int labelAt = columnIndex(f->name + QStringLiteral(":label"));
        return displayText(*f, value, labelAt >= 0 ? row.at(labelAt).toString() : QString());
    }
    case Qt::TextAlignmentRole:
        return isNumericField(*f) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant(int(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (f->type == schema::FieldType::Money && value.toInteger() < 0) return QBrush(QColor(0xC6, 0x28, 0x28));
        return {};
    case IdRole:
        return row.at(columnIndex(QStringLiteral("id"))).toInteger();
    case VersionRole:
        return row.at(columnIndex(QStringLiteral("version"))).toInteger();
    case RawValueRole:
        return value.toVariant();
    default:
        return {};
    }
}

QVariant RemoteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    const schema::Field *f = m_columns.value(section);
    if (!f) return {};
    if (role == Qt::DisplayRole) {
        QString label = fieldLabel(*f);
        if (f->name == m_sort) label += m_desc ? QStringLiteral(" ▼") : QStringLiteral(" ▲");
        return label;
    }
    if (role == Qt::ToolTipRole && !(f->has(schema::Indexed) || f->type == schema::FieldType::Ref))
        return tr("This column cannot be sorted");
    return {};
}

void RemoteTableModel::sort(int column, Qt::SortOrder order)
{
    const schema::Field *f = m_columns.value(column);
    if (!f || !(f->has(schema::Indexed) || f->type == schema::FieldType::Ref)) return; // sorting is the server's, on indexed fields
    const bool desc = order == Qt::DescendingOrder;
    if (m_sort == f->name && m_desc == desc) return;
    m_sort = f->name;
    m_desc = desc;
    reload();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void RemoteTableModel::onEvent(const QString &event, const QCborMap &data)
{
    if (event != QLatin1String("record.changed") || data.value(QStringLiteral("entity")).toString() != m_entity.name) return;
    const qint64 id = data.value(QStringLiteral("id")).toInteger();
    const QString kind = data.value(QStringLiteral("kind")).toString();
    const int idColumn = columnIndex(QStringLiteral("id"));
    for (int i = 0; i < m_pages.size(); ++i) {
        Page &p = m_pages[i];
        if (!p.inMemory) continue;
        for (const QCborArray &row : p.rows)
            if (row.at(idColumn).toInteger() == id) {
                // A visible record changed: fetch its page again, in place.
                p.inMemory = true;
                p.requested = false;
                requestPage(i);
                return;
            }
    }
    if (kind == QLatin1String("created") || kind == QLatin1String("removed")) {
        if (m_pages.size() <= 1) {
            reload(); // a short list: show it at once
            return;
        }
        if (!m_stale) {
            m_stale = true;
            Q_EMIT staleChanged(true);
        }
    }
}

} // namespace liuhe::views
