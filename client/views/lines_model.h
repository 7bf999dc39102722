// The editable lines of a document (or of any record with lines): what the
// server sent, what the user changed, added and removed, and the operations a
// save sends (new lines, changed fields with the line's version, deletions).
#pragma once

#include "protocol/reply.h"
#include "schema/entity.h"

#include <QAbstractTableModel>
#include <QCborArray>
#include <QCborMap>
#include <QHash>

namespace liuhe::views {

class LinesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles { RawValueRole = Qt::UserRole + 1, LabelRole };

    LinesModel(const schema::Entity &lineEntity, QObject *parent = nullptr);

    const schema::Entity &entity() const { return m_entity; }
    const QList<const schema::Field *> &columns() const { return m_columns; }
    void setLines(const QCborArray &lines);
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    int addLine();
    void removeLine(int row);
    bool isDirty() const;
    // The "lines" argument of data.save; remembers which new line is which.
    QCborArray operations();
    // Problems the server reported for lines (line id, or −n for the n-th new line sent).
    void setProblems(const QList<protocol::FieldProblem> &problems);
    QString problemAt(int row, int column) const;
    // The sum of the lines' amounts as shown (quantity × price where both exist).
    qint64 totalAmount() const;
    // Whether the lines carry amounts that make the document's total (else the
    // total is the header's own field, e.g. a stock document's cost).
    bool makesTotal() const { return m_entity.field(QStringLiteral("amount")) != nullptr; }
    qint64 lineAmount(int row) const;
    QCborValue valueAt(int row, const QString &field) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void totalChanged();

private:
    struct Line {
        QCborMap original;
        QCborMap values;
        QHash<QString, QString> labels;
        QHash<QString, QString> problems;
        bool isNew = false;
        int sentAs = 0; // n for the n-th new line of the last save
    };
    bool hasAmount() const;

    const schema::Entity &m_entity;
    QList<const schema::Field *> m_columns;
    QList<Line> m_lines;
    QList<QCborMap> m_deleted; // original values of removed stored lines
    bool m_editable = true;
};

} // namespace liuhe::views
