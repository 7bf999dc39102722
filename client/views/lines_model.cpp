#include "views/lines_model.h"

#include "domain/money.h"
#include "domain/quantity.h"
#include "views/field_format.h"

#include <QBrush>
#include <QColor>

namespace liuhe::views {

LinesModel::LinesModel(const schema::Entity &lineEntity, QObject *parent) : QAbstractTableModel(parent), m_entity(lineEntity)
{
    for (const auto &f : lineEntity.fields)
        if (f.name != lineEntity.parentField && (f.has(schema::ListColumn) || !f.isReadOnly())) m_columns << &f;
}

void LinesModel::setLines(const QCborArray &lines)
{
    beginResetModel();
    m_lines.clear();
    m_deleted.clear();
    for (const auto &v : lines) {
        Line l;
        l.original = v.toMap();
        l.values = l.original;
        for (const schema::Field *f : m_columns)
            if (f->type == schema::FieldType::Ref) l.labels.insert(f->name, l.original.value(f->name + QStringLiteral(":label")).toString());
        m_lines << l;
    }
    endResetModel();
    Q_EMIT totalChanged();
}

void LinesModel::setEditable(bool editable)
{
    beginResetModel();
    m_editable = editable;
    endResetModel();
}

int LinesModel::addLine()
{
    const int row = int(m_lines.size());
    beginInsertRows({}, row, row);
    Line l;
    l.isNew = true;
    for (const auto &f : m_entity.fields)
        if (!f.defaultValue.isUndefined()) l.values.insert(f.name, f.defaultValue);
    m_lines << l;
    endInsertRows();
    return row;
}

void LinesModel::removeLine(int row)
{
    if (row < 0 || row >= m_lines.size()) return;
    beginRemoveRows({}, row, row);
    if (!m_lines[row].isNew) m_deleted << m_lines[row].original;
    m_lines.removeAt(row);
    endRemoveRows();
    Q_EMIT totalChanged();
}

bool LinesModel::isDirty() const
{
    if (!m_deleted.isEmpty()) return true;
    for (const Line &l : m_lines)
        if (l.isNew || l.values != l.original) return true;
    return false;
}

QCborArray LinesModel::operations()
{
    QCborArray ops;
    int newCount = 0;
    for (const QCborMap &d : m_deleted)
        ops.append(QCborMap{{QStringLiteral("id"), d.value(QStringLiteral("id"))}, {QStringLiteral("version"), d.value(QStringLiteral("version"))},
                            {QStringLiteral("delete"), true}});
    for (Line &l : m_lines) {
        QCborMap op;
        if (l.isNew) {
            l.sentAs = ++newCount;
            for (const schema::Field *f : m_columns)
                if (!f->isReadOnly() && l.values.contains(f->name) && !l.values.value(f->name).isNull()) op.insert(f->name, l.values.value(f->name));
            ops.append(op);
            continue;
        }
        for (const schema::Field *f : m_columns)
            if (!f->isReadOnly() && l.values.value(f->name) != l.original.value(f->name)) op.insert(f->name, l.values.value(f->name));
        if (op.isEmpty()) continue;
        op.insert(QStringLiteral("id"), l.original.value(QStringLiteral("id")));
        op.insert(QStringLiteral("version"), l.original.value(QStringLiteral("version")));
        ops.append(op);
    }
    return ops;
}

void LinesModel::setProblems(const QList<protocol::FieldProblem> &problems)
{
    for (Line &l : m_lines) l.problems.clear();
    for (const auto &p : problems) {
        for (Line &l : m_lines) {
            const bool match = p.line < 0 ? (l.isNew && l.sentAs == -p.line) : (!l.isNew && l.original.value(QStringLiteral("id")).toInteger() == p.line);
            if (match) l.problems.insert(p.field, problemText(p.code, p.extra));
        }
    }
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString LinesModel::problemAt(int row, int column) const
{
    const schema::Field *f = m_columns.value(column);
    if (!f || row < 0 || row >= m_lines.size()) return QString();
    return m_lines[row].problems.value(f->name);
}

bool LinesModel::hasAmount() const
{
    return m_entity.field(QStringLiteral("quantity")) && m_entity.field(QStringLiteral("price")) && m_entity.field(QStringLiteral("amount"));
}

qint64 LinesModel::lineAmount(int row) const
{
    const Line &l = m_lines[row];
    if (!hasAmount()) return l.values.value(QStringLiteral("amount")).toInteger(0);
    // Shown as the server will compute it: quantity × price, rounded to the 分.
    if (l.values.value(QStringLiteral("price")).isNull() || l.values.value(QStringLiteral("price")).isUndefined())
        return l.values.value(QStringLiteral("amount")).toInteger(0);
    return Money::lineAmount(Quantity::fromMilli(l.values.value(QStringLiteral("quantity")).toInteger(0)),
                             Money::fromFen(l.values.value(QStringLiteral("price")).toInteger(0))).fen();
}

qint64 LinesModel::totalAmount() const
{
    qint64 total = 0;
    for (int i = 0; i < m_lines.size(); ++i) total += lineAmount(i);
    return total;
}

QCborValue LinesModel::valueAt(int row, const QString &field) const { return m_lines.value(row).values.value(field); }

int LinesModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_lines.size()); }
int LinesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_columns.size()); }

QVariant LinesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) return {};
    const Line &l = m_lines[index.row()];
    const schema::Field *f = m_columns[index.column()];
    QCborValue value = l.values.value(f->name);
    if (f->name == QLatin1String("amount") && hasAmount()) value = lineAmount(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*f, value, l.labels.value(f->name));
    case Qt::EditRole:
    case RawValueRole:
        return QVariant::fromValue(value);
    case LabelRole:
        return l.labels.value(f->name);
    case Qt::TextAlignmentRole:
        return isNumericField(*f) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        return l.problems.value(f->name);
    case Qt::BackgroundRole:
        if (l.problems.contains(f->name)) return QBrush(QColor(0xFF, 0xEB, 0xEE));
        return {};
    default:
        return {};
    }
}

bool LinesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole) return false;
    Line &l = m_lines[index.row()];
    const schema::Field *f = m_columns[index.column()];
    const QVariantList pair = value.toList(); // {value, label}
    const QCborValue v = pair.isEmpty() ? QCborValue::fromVariant(value) : pair.value(0).value<QCborValue>();
    l.values.insert(f->name, v);
    if (pair.size() > 1) l.labels.insert(f->name, pair.value(1).toString());
    l.problems.remove(f->name);
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), columnCount() - 1));
    Q_EMIT totalChanged();
    return true;
}

QVariant LinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    const schema::Field *f = m_columns.value(section);
    if (!f) return {};
    return fieldLabel(*f) + (f->isRequired() && !f->isReadOnly() ? QStringLiteral(" *") : QString());
}

Qt::ItemFlags LinesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const schema::Field *f = m_columns.value(index.column());
    if (m_editable && f && !f->isReadOnly()) flags |= Qt::ItemIsEditable;
    return flags;
}

} // namespace liuhe::views
