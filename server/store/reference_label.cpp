#include "store/reference_label.h"

#include "domain/quantity.h"
#include "schema/catalogue.h"
#include "store/dialect.h"
#include "store/schema_sync.h"

namespace liuhe::store {

using schema::Entity;
using schema::Field;
using schema::FieldType;

namespace {

QString displayColumn(const Entity &e)
{
    const Field *display = e.field(e.displayField);
    return display ? readColumnsOfField(*display).first() : QStringLiteral("id");
}

} // namespace

ReferenceLabelSql::ReferenceLabelSql(const Entity &target, const QString &alias, const QString &joinOn)
{
    if (!joinOn.isEmpty()) m_joins << QStringLiteral("LEFT JOIN %1 %2 ON %2.id = %3").arg(Dialect::quote(target.name), alias, joinOn);
    const QStringList parts = target.labelParts();
    if (parts.isEmpty()) {
        m_columns << alias + u'.' + Dialect::quote(displayColumn(target));
        m_kinds << Kind::Text;
        return;
    }
    int n = 0;
    for (const QString &name : parts) {
        const Field *f = target.field(name);
        const Entity *refTarget = f->type == FieldType::Ref ? schema::Catalogue::instance().entity(f->refEntity) : nullptr;
        if (!refTarget) {
            m_columns << alias + u'.' + Dialect::quote(readColumnsOfField(*f).first());
            m_kinds << (f->type == FieldType::Quantity ? Kind::Quantity : Kind::Text);
            continue;
        }
        const QString partAlias = QStringLiteral("%1_%2").arg(alias).arg(++n);
        m_joins << QStringLiteral("LEFT JOIN %1 %2 ON %2.id = %3.%4").arg(Dialect::quote(refTarget->name), partAlias, alias, Dialect::quote(f->name));
        // Like the pickers: a record with a code reads "code display".
        if (refTarget->hasField(QStringLiteral("code")) && refTarget->displayField != QLatin1String("code")) {
            m_columns << partAlias + u'.' + Dialect::quote(QStringLiteral("code"));
            m_kinds << Kind::Text;
        }
        m_columns << partAlias + u'.' + Dialect::quote(displayColumn(*refTarget));
        m_kinds << Kind::Text;
    }
}

QCborValue ReferenceLabelSql::read(const Query &q, int column) const
{
    QStringList pieces;
    bool any = false;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const int at = column + int(i);
        if (q.isNull(at)) continue;
        any = true;
        const QString text = m_kinds[i] == Kind::Quantity ? QStringLiteral("×") + Quantity::fromMilli(q.integer(at)).toString(true) : q.text(at);
        if (!text.isEmpty()) pieces << text;
    }
    if (!any) return QCborValue(QCborValue::Null);
    return pieces.join(u' ');
}

} // namespace liuhe::store
