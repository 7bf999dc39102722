#include "views/record_choices.h"

#include <QCborArray>
#include <QCborMap>
#include <QComboBox>
#include <QPointer>

namespace liuhe::views {

void fillRecordChoices(client::Session &session, const QString &entity, QObject *context, const QList<QComboBox *> &boxes)
{
    QList<QPointer<QComboBox>> targets;
    for (QComboBox *b : boxes) targets << b;
    session.call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), entity}}, context, [targets](const protocol::Reply &r) {
        const QCborMap result = r.value().toMap();
        const QCborArray columns = result.value(QStringLiteral("columns")).toArray();
        qsizetype nameColumn = -1;
        for (qsizetype i = 0; i < columns.size(); ++i)
            if (columns.at(i).toString() == QLatin1String("name")) nameColumn = i;
        for (const auto &row : result.value(QStringLiteral("rows")).toArray()) {
            const QCborArray cells = row.toArray();
            for (const auto &box : targets)
                if (box) box->addItem(cells.at(nameColumn).toString(), cells.at(0).toInteger());
        }
    });
}

} // namespace liuhe::views
