// A Query through QtSql: the PostgreSQL store's statements.
#pragma once

#include "store/query.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace liuhe::store {

class QtSqlQuery final : public Query {
public:
    explicit QtSqlQuery(QSqlQuery query) : m_query(std::move(query)) {}

    QSqlQuery &query() { return m_query; }

    bool next() override { return m_query.next(); }
    QVariant value(int column) const override { return m_query.value(column); }
    bool isNull(int column) const override { return m_query.isNull(column); }
    Field field(int column) const override
    {
        const QVariant v = m_query.value(column);
        if (v.isNull()) return {};
        if (v.typeId() != QMetaType::QString) return {Type::Integer, v.toLongLong(), {}};
        m_utf8 = v.toString().toUtf8();
        return {Type::Text, 0, m_utf8};
    }
    int columnCount() const override { return m_query.record().count(); }
    int numRowsAffected() const override { return m_query.numRowsAffected(); }
    void finish() override { m_query.finish(); }

private:
    QSqlQuery m_query;
};

} // namespace liuhe::store
