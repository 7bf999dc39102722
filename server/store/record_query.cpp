#include "store/record_query.h"

#include "schema/catalogue.h"
#include "search/search_index.h"
#include "store/db.h"
#include "store/cbor_bytes.h"
#include "store/map_template.h"
#include "store/record_access.h"
#include "store/record_codec.h"
#include "store/reference_label.h"
#include "store/schema_sync.h"

#include <QCborArray>
#include <functional>
#include <QHash>
#include <memory>
#include <mutex>

namespace liuhe::store {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;
using schema::Entity;
using schema::Field;
using schema::FieldType;
using schema::Filter;

namespace {

// The SELECT list: system columns, readable field columns, reference labels and,
// for query rows of entities with composite labels (document lines), the row's
// own label as ":label" (what a picker shows).
struct SelectList {
    QStringList sql;
    QStringList joins;
    QList<const Field *> fields;
    QList<const Field *> refLabels;
    QList<ReferenceLabelSql> labels; // refLabels' labels, then the own label if any
    bool ownLabel = false;
    bool withSystem = true;
    QString columnsSql; // sql joined
    QString joinsSql;   // joins joined
    QStringList names;  // columnNames(), computed once
    MapTemplate shape;  // a record with those keys
    // The statements the writer runs on every document it works on, written once:
    // one record by id (recordSql without a scope condition) and a document's lines.
    QString byIdSql;
    QString byParentSql; // line entities only

    SelectList(const Entity &e, const auth::Caller *caller, bool withOwnLabel, bool withRefLabels)
    {
        withSystem = !e.customTable;
        sql << QStringLiteral("t.id");
        if (withSystem)
            sql << QStringLiteral("t.version") << QStringLiteral("t.created_at") << QStringLiteral("t.created_by")
                << QStringLiteral("t.updated_at") << QStringLiteral("t.updated_by") << QStringLiteral("t.archived");
        for (const Field &f : e.fields) {
            if (caller && !caller->perms().canReadField(f)) continue;
            fields.append(&f);
            for (const QString &c : readColumnsOfField(f)) sql << QStringLiteral("t.") + Dialect::quote(c);
        }
        int n = 0;
        for (const Field *f : fields) {
            if (f->type != FieldType::Ref || !withRefLabels) continue;
            const Entity *target = schema::Catalogue::instance().entity(f->refEntity);
            if (!target) continue;
            labels.append(ReferenceLabelSql(*target, QStringLiteral("r%1").arg(++n), QStringLiteral("t.") + Dialect::quote(f->name)));
            refLabels.append(f);
        }
        ownLabel = withOwnLabel && !e.labelParts().isEmpty();
        if (ownLabel) labels.append(ReferenceLabelSql(e, QStringLiteral("t"), QString()));
        for (const ReferenceLabelSql &l : labels) {
            joins << l.joins();
            sql << l.columns();
        }
        columnsSql = sql.join(u',');
        joinsSql = joins.join(u' ');
        names = columnNames();
        shape = MapTemplate(names);
        byIdSql = QStringLiteral("SELECT %1 FROM %2 t %3 WHERE 1=1 AND t.id = ?").arg(columnsSql, Dialect::quote(e.name), joinsSql);
        if (!e.parentField.isEmpty())
            byParentSql = QStringLiteral("SELECT %1 FROM %2 t %3 WHERE t.%4 = ? ORDER BY t.id").arg(columnsSql, Dialect::quote(e.name), joinsSql, Dialect::quote(e.parentField));
    }

    QStringList columnNames() const
    {
        QStringList names = {QStringLiteral("id")};
        if (withSystem)
            names << QStringLiteral("version") << QStringLiteral("created_at") << QStringLiteral("created_by")
                  << QStringLiteral("updated_at") << QStringLiteral("updated_by") << QStringLiteral("archived");
        for (const Field *f : fields) names << f->name;
        for (const Field *f : refLabels) names << f->name + QStringLiteral(":label");
        if (ownLabel) names << QStringLiteral(":label");
        return names;
    }

    // Reads the current row in columnNames() order.
    QList<QCborValue> read(const Query &q) const
    {
        CborValuesOut out;
        emit(q, out);
        return out.values;
    }
    // Writes the current row as a CBOR array, straight from the driver's bytes.
    void write(const Query &q, CborBytes &w) const
    {
        w.array(names.size());
        BytesOut out{w};
        emit(q, out);
    }

private:
    // Gives the row's values to out in columnNames() order (readSqlValue's Out, and value()).
    template <class Out>
    void emit(const Query &q, Out &out) const
    {
        out.integer(q.integer(0));
        int col = 1;
        if (withSystem) {
            out.integer(q.integer(1));
            for (int i = 2; i <= 5; ++i) {
                const Query::Field f = q.field(i);
                if (f.type == Query::Type::Null) out.null();
                else if (i == 3 || i == 5) out.integer(detail::integerOrZero(f)); // created_by, updated_by
                else out.text(f.type == Query::Type::Text ? f.utf8 : QByteArrayView(q.text(i).toUtf8()));
            }
            out.boolean(q.integer(6) != 0);
            col = 7;
        }
        for (const Field *f : fields) readSqlValue(*f, q, col, out);
        for (const ReferenceLabelSql &l : labels) {
            out.value(l.read(q, col));
            col += int(l.columns().size());
        }
    }

    struct BytesOut {
        CborBytes &w;
        void null() { w.null(); }
        void integer(qint64 v) { w.integer(v); }
        void boolean(bool b) { w.boolean(b); }
        void text(QByteArrayView utf8) { w.text(utf8); }
        void address(QByteArrayView code, QByteArrayView name, QByteArrayView detail)
        {
            w.map(3);
            w.text(QByteArrayView("code"));
            w.text(code);
            w.text(QByteArrayView("name"));
            w.text(name);
            w.text(QByteArrayView("detail"));
            w.text(detail);
        }
        void value(const QCborValue &v) { w.value(v); }
    };
};

// Select lists depend only on the entity and which fields the caller may read,
// so they are built once per such pair and shared by every thread.
std::shared_ptr<const SelectList> selectListFor(const Entity &e, const auth::Caller *caller, bool withOwnLabel = false, bool withRefLabels = true)
{
    QByteArray key = QByteArray::number(quintptr(&e), 16);
    key += withOwnLabel ? ":l" : ":";
    key += withRefLabels ? ":r:" : "::";
    if (caller)
        for (const Field &f : e.fields) key += caller->perms().canReadField(f) ? '1' : '0';
    static std::mutex mutex;
    static QHash<QByteArray, std::shared_ptr<const SelectList>> cache;
    std::lock_guard lock(mutex);
    auto &slot = cache[key];
    if (!slot) slot = std::make_shared<const SelectList>(e, caller, withOwnLabel, withRefLabels);
    return slot;
}

QVariant sqlValueFor(const Field &field, const QCborValue &v)
{
    if (v.isNull()) return QVariant();
    if (field.type == FieldType::Bool) return v.toBool() ? 1 : 0;
    if (v.isInteger()) return qlonglong(v.toInteger());
    return v.toString();
}

QString columnFor(const Field &field)
{
    return QStringLiteral("t.") + Dialect::quote(field.type == FieldType::Address ? field.name + QStringLiteral("_code") : field.name);
}

const Field &idField()
{
    static const Field f = [] {
        Field id;
        id.name = QStringLiteral("id");
        id.type = FieldType::Int;
        return id;
    }();
    return f;
}

QString filterSql(const Entity &e, const Filter &f, const Dialect &dialect, QVariantList &binds)
{
    switch (f.op) {
    case Filter::Op::And:
    case Filter::Op::Or: {
        if (f.children.isEmpty()) return f.op == Filter::Op::And ? QStringLiteral("1=1") : QStringLiteral("1=0");
        QStringList parts;
        for (const auto &c : f.children) parts << filterSql(e, c, dialect, binds);
        return u'(' + parts.join(f.op == Filter::Op::And ? QStringLiteral(" AND ") : QStringLiteral(" OR ")) + u')';
    }
    case Filter::Op::Not:
        return QStringLiteral("NOT ") + filterSql(e, f.children.first(), dialect, binds);
    case Filter::Op::Search:
        return search::matchCondition(e, f.value.toString(), QStringLiteral("t"), binds);
    default:
        break;
    }
    const Field &field = f.field == QLatin1String("id") ? idField() : *e.field(f.field);
    const QString col = f.field == QLatin1String("id") ? QStringLiteral("t.id") : columnFor(field);
    auto cmp = [&](const char *op) {
        binds << sqlValueFor(field, f.value);
        return QStringLiteral("%1 %2 ?").arg(col, QLatin1String(op));
    };
    switch (f.op) {
    case Filter::Op::Eq:
        if (f.value.isNull()) return col + QStringLiteral(" IS NULL");
        return cmp("=");
    case Filter::Op::Ne:
        if (f.value.isNull()) return col + QStringLiteral(" IS NOT NULL");
        binds << sqlValueFor(field, f.value);
        return QStringLiteral("(%1 <> ? OR %1 IS NULL)").arg(col);
    case Filter::Op::Lt: return cmp("<");
    case Filter::Op::Le: return cmp("<=");
    case Filter::Op::Gt: return cmp(">");
    case Filter::Op::Ge: return cmp(">=");
    case Filter::Op::IsNull: return col + QStringLiteral(" IS NULL");
    case Filter::Op::NotNull: return col + QStringLiteral(" IS NOT NULL");
    case Filter::Op::Like:
        binds << f.value.toString();
        return QStringLiteral("%1 %2 ? ESCAPE '\\'").arg(col, dialect.caseInsensitiveLike());
    case Filter::Op::In: {
        const QCborArray values = f.value.toArray();
        if (values.isEmpty()) return QStringLiteral("1=0");
        QStringList marks;
        for (const auto &v : values) {
            binds << sqlValueFor(field, v);
            marks << QStringLiteral("?");
        }
        return QStringLiteral("%1 IN (%2)").arg(col, marks.join(u','));
    }
    default:
        return QStringLiteral("1=1");
    }
}

CallError badRequest(const QString &why) { return CallError(ErrorCode::BadRequest, why); }

} // namespace

std::variant<QueryRequest, CallError> QueryRequest::fromCbor(const QCborMap &args, const auth::Caller &caller)
{
    QueryRequest r;
    r.entity = schema::Catalogue::instance().entity(args.value(QStringLiteral("entity")).toString());
    if (!r.entity) return CallError(ErrorCode::NotFound, QStringLiteral("unknown entity"));
    QString error;
    auto filter = schema::parseFilter(args.value(QStringLiteral("filter")), *r.entity, &error);
    if (!filter) return badRequest(error);
    for (const QString &name : schema::filterFields(*filter)) {
        const Field *f = r.entity->field(name);
        if (f && !caller.perms().canReadField(*f))
            return CallError(ErrorCode::PermissionDenied, QStringLiteral("filter on a protected field"),
                             {protocol::FieldProblem{name, QStringLiteral("sensitive"), {}, 0, {}}});
    }
    r.filter = std::move(*filter);
    r.sort = args.value(QStringLiteral("sort")).toString(r.entity->defaultSort);
    if (r.sort == QLatin1String("relevance")) {
        // Best matches first, then the usual order: for pickers that show one page.
        const std::function<QString(const schema::Filter &)> searchText = [&searchText](const schema::Filter &f) -> QString {
            if (f.op == schema::Filter::Op::Search) return f.value.toString();
            if (f.op == schema::Filter::Op::And)
                for (const auto &c : f.children)
                    if (const QString t = searchText(c); !t.isEmpty()) return t;
            return QString();
        };
        r.relevance = searchText(r.filter);
        if (r.relevance.isEmpty()) return badRequest(QStringLiteral("sort relevance needs a search filter"));
        const QCborValue after = args.value(QStringLiteral("after"));
        if (!after.isUndefined() && !after.isNull()) return badRequest(QStringLiteral("sort relevance has one page only"));
        r.sort = r.entity->defaultSort;
    }
    if (r.sort != QLatin1String("id")) {
        const Field *f = r.entity->field(r.sort);
        if (!f || !(f->has(schema::Indexed) || f->type == FieldType::Ref)) return badRequest(QStringLiteral("cannot sort on %1").arg(r.sort));
        if (!caller.perms().canReadField(*f)) return CallError(ErrorCode::PermissionDenied, QStringLiteral("sort on a protected field"));
    }
    r.descending = args.value(QStringLiteral("desc")).toBool(false);
    r.after = args.value(QStringLiteral("after"));
    if (!r.after.isUndefined() && !r.after.isNull()) {
        const QCborArray a = r.after.toArray();
        if (a.size() != 2 || !a.at(1).isInteger()) return badRequest(QStringLiteral("bad cursor"));
    }
    const qint64 limit = args.value(QStringLiteral("limit")).toInteger(100);
    if (limit < 1 || limit > kMaxPageSize) return badRequest(QStringLiteral("limit must be 1..%1").arg(kMaxPageSize));
    r.limit = int(limit);
    r.withTotal = args.value(QStringLiteral("total")).toBool(false);
    r.includeArchived = args.value(QStringLiteral("archived")).toBool(false);
    for (const auto &v : args.value(QStringLiteral("sums")).toArray()) {
        const Field *f = r.entity->field(v.toString());
        if (!f || !(f->type == FieldType::Money || f->type == FieldType::Quantity || f->type == FieldType::Int))
            return badRequest(QStringLiteral("cannot total %1").arg(v.toString()));
        if (!caller.perms().canReadField(*f)) return CallError(ErrorCode::PermissionDenied, QStringLiteral("total of a protected field"));
        r.sums << f->name;
    }
    return r;
}

Reply queryRecords(Db &db, const auth::Caller &caller, const QueryRequest &req)
{
    const Entity &e = *req.entity;
    QVariantList whereBinds;
    const auto scope = scopeCondition(e, caller, QStringLiteral("read"), QStringLiteral("t"), whereBinds);
    if (!scope) return Reply::fail(ErrorCode::PermissionDenied, QStringLiteral("no read permission"));
    QStringList where = {*scope, filterSql(e, req.filter, db.dialect(), whereBinds)};
    if (!e.customTable && !req.includeArchived) where << QStringLiteral("t.archived = 0");

    const Field *sortField = req.sort == QLatin1String("id") ? nullptr : e.field(req.sort);
    const QString sortCol = sortField ? QStringLiteral("t.") + Dialect::quote(sortColumnOf(*sortField)) : QString();

    QVariantList pageBinds = whereBinds;
    QStringList pageWhere = where;
    if (!req.after.isUndefined() && !req.after.isNull()) {
        const QCborArray a = req.after.toArray();
        const QVariant v = a.at(0).isNull() ? QVariant() : (a.at(0).isInteger() ? QVariant(qlonglong(a.at(0).toInteger())) : QVariant(a.at(0).toString()));
        const qint64 lastId = a.at(1).toInteger();
        if (!sortField) {
            pageWhere << (req.descending ? QStringLiteral("t.id < ?") : QStringLiteral("t.id > ?"));
            pageBinds << lastId;
        } else if (!req.descending) {
            if (v.isNull()) {
                pageWhere << QStringLiteral("((%1 IS NULL AND t.id > ?) OR %1 IS NOT NULL)").arg(sortCol);
                pageBinds << lastId;
            } else {
                // The leading ">=" lets the store seek in the sort column's index;
                // the OR alone makes it walk the index from the start, so each
                // page cost as much as all the pages before it.
                pageWhere << QStringLiteral("%1 >= ? AND (%1 > ? OR (%1 = ? AND t.id > ?))").arg(sortCol);
                pageBinds << v << v << v << lastId;
            }
        } else {
            if (v.isNull()) {
                pageWhere << QStringLiteral("(%1 IS NULL AND t.id < ?)").arg(sortCol);
                pageBinds << lastId;
            } else {
                pageWhere << QStringLiteral("(%1 < ? OR (%1 = ? AND t.id < ?) OR %1 IS NULL)").arg(sortCol);
                pageBinds << v << v << lastId;
            }
        }
    }
    const QString direction = req.descending ? QStringLiteral(" DESC") : QString();
    QString order = sortField
        ? QStringLiteral("%1%2 %3, t.id%2").arg(sortCol, direction, req.descending ? QStringLiteral("NULLS LAST") : QStringLiteral("NULLS FIRST"))
        : QStringLiteral("t.id") + direction;
    if (!req.relevance.isEmpty())
        if (const QString rank = search::matchRank(e, req.relevance, QStringLiteral("t"), pageBinds); !rank.isEmpty()) order = rank + QStringLiteral(", ") + order;

    const auto selectList = selectListFor(e, &caller, true);
    const SelectList &select = *selectList;
    QString sql = QStringLiteral("SELECT %1%2 FROM %3 t %4 WHERE %5 ORDER BY %6 LIMIT %7")
                      .arg(select.columnsSql, sortField ? u',' + sortCol : QString(), Dialect::quote(e.name),
                           select.joinsSql, pageWhere.join(QStringLiteral(" AND ")), order)
                      .arg(req.limit + 1);
    // The answer is written straight from the statement's bytes: building
    // QCborValues and encoding them cost as much as the search itself.
    QByteArray rows;
    CborBytes rowWriter(rows, 256 * (req.limit + 1));
    qsizetype rowCount = 0;
    QCborValue lastSortValue;
    qint64 lastId = 0;
    bool more = false;
    {
        Query &q = db.run(sql, pageBinds);
        const int sortIndex = int(select.sql.size());
        while (q.next()) {
            if (rowCount == req.limit) {
                more = true;
                break;
            }
            select.write(q, rowWriter);
            ++rowCount;
            lastId = q.integer(0);
            if (sortField) {
                const QVariant sv = q.value(sortIndex);
                lastSortValue = sv.isNull() ? QCborValue(QCborValue::Null)
                                            : (sqlTypeOf(*sortField) == QLatin1String("TEXT") ? QCborValue(sv.toString())
                                                                                             : QCborValue(sv.toLongLong()));
            }
        }
        q.finish();
    }
    rowWriter.finish();
    QCborMap sums;
    if (!req.sums.isEmpty()) {
        QStringList parts;
        for (const QString &f : req.sums) parts << QStringLiteral("COALESCE(SUM(t.%1), 0)").arg(Dialect::quote(f));
        Query &q = db.run(QStringLiteral("SELECT %1 FROM %2 t WHERE %3").arg(parts.join(u','), Dialect::quote(e.name), where.join(QStringLiteral(" AND "))),
                              whereBinds);
        if (q.next())
            for (qsizetype i = 0; i < req.sums.size(); ++i) sums.insert(req.sums[i], q.value(int(i)).toLongLong());
        q.finish();
    }
    qint64 total = 0;
    if (req.withTotal)
        total = db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1 t WHERE %2").arg(Dialect::quote(e.name), where.join(QStringLiteral(" AND "))), whereBinds).toLongLong();

    QByteArray answer;
    CborBytes w(answer, rows.size() + 64 * select.names.size() + 256);
    w.map(3 + (req.sums.isEmpty() ? 0 : 1) + (req.withTotal ? 1 : 0));
    w.text(QByteArrayView("columns"));
    w.array(select.names.size());
    for (const QString &c : select.names) w.text(c);
    w.text(QByteArrayView("rows"));
    w.array(rowCount);
    w.raw(rows);
    w.text(QByteArrayView("next"));
    w.value(more && req.relevance.isEmpty() ? QCborValue(QCborArray{sortField ? lastSortValue : QCborValue(lastId), lastId}) : QCborValue(QCborValue::Null));
    if (!req.sums.isEmpty()) {
        w.text(QByteArrayView("sums"));
        w.value(sums);
    }
    if (req.withTotal) {
        w.text(QByteArrayView("total"));
        w.integer(total);
    }
    w.finish();
    return protocol::EncodedResult{answer};
}

namespace {

QString recordSql(Db &db, const Entity &e, const SelectList &select, const QString &condition, bool lock)
{
    QString sql = condition == QLatin1String("1=1")
                      ? select.byIdSql
                      : QStringLiteral("SELECT %1 FROM %2 t %3 WHERE %4 AND t.id = ?").arg(select.columnsSql, Dialect::quote(e.name), select.joinsSql, condition);
    if (lock) sql += db.dialect().forUpdateOf(QStringLiteral("t")); // a null string on SQLite: the shared text stays shared
    return sql;
}

// select is the line entity's.
const QString &linesSql(const SelectList &select) { return select.byParentSql; }

std::optional<QCborMap> readRecord(Db &db, const Entity &e, qint64 id, const auth::Caller *caller, const QString &action, bool withLabels,
                                   bool lock = false)
{
    QVariantList binds;
    QString condition = QStringLiteral("1=1");
    if (caller) {
        const auto scope = scopeCondition(e, *caller, action, QStringLiteral("t"), binds);
        if (!scope) return std::nullopt;
        condition = *scope;
    }
    binds << id;
    const auto selectList = selectListFor(e, caller, false, withLabels);
    const SelectList &select = *selectList;
    Query &q = db.run(recordSql(db, e, select, condition, lock), binds);
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    QCborMap record = select.shape.fill(select.read(q));
    q.finish();
    return record;
}

QCborArray readLines(Db &db, const Entity &document, qint64 id, const auth::Caller *caller, bool withLabels)
{
    QCborArray lines;
    const Entity *lineEntity = schema::Catalogue::instance().linesOf(document);
    if (!lineEntity) return lines;
    const auto selectList = selectListFor(*lineEntity, caller, false, withLabels);
    const SelectList &select = *selectList;
    Query &q = db.run(linesSql(select), {id});
    while (q.next()) lines.append(select.shape.fill(select.read(q)));
    q.finish();
    return lines;
}

} // namespace

std::optional<QCborMap> loadRecord(Db &db, const Entity &e, qint64 id, const auth::Caller *caller, const QString &action)
{
    return readRecord(db, e, id, caller, action, true);
}

QCborArray loadLines(Db &db, const Entity &document, qint64 id, const auth::Caller *caller)
{
    return readLines(db, document, id, caller, true);
}

std::optional<QCborMap> loadRecordValues(Db &db, const Entity &e, qint64 id, bool lock)
{
    return readRecord(db, e, id, nullptr, QString(), false, lock);
}

QCborArray loadLineValues(Db &db, const Entity &document, qint64 id)
{
    return readLines(db, document, id, nullptr, false);
}

void prefetchDocumentValues(Db &db, const Entity &document, qint64 id, bool lock)
{
    if (!db.prefetches()) return;
    db.prefetch(recordSql(db, document, *selectListFor(document, nullptr, false, false), QStringLiteral("1=1"), lock), {id});
    if (const Entity *lineEntity = schema::Catalogue::instance().linesOf(document))
        db.prefetch(linesSql(*selectListFor(*lineEntity, nullptr, false, false)), {id});
}

} // namespace liuhe::store
