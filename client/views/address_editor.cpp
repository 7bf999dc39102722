#include "views/address_editor.h"

#include <QCborArray>
#include <QComboBox>
#include <QGridLayout>
#include <QLineEdit>

namespace liuhe::views {

using protocol::Reply;

AddressEditor::AddressEditor(const schema::Field &field, client::Session &session, QWidget *parent) : FieldEditor(field, parent), m_session(session)
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    const QString placeholders[3] = {tr("Province"), tr("City"), tr("District")};
    for (int i = 0; i < 3; ++i) {
        m_levels[i] = new QComboBox(box);
        m_levels[i]->setPlaceholderText(placeholders[i]);
        m_levels[i]->setMinimumContentsLength(6);
        grid->addWidget(m_levels[i], 0, i);
        connect(m_levels[i], &QComboBox::activated, this, [this, i] {
            m_edited = true;
            picked(i);
            Q_EMIT edited();
        });
    }
    m_detail = new QLineEdit(box);
    m_detail->setPlaceholderText(tr("Street and number"));
    m_detail->setMaxLength(200);
    grid->addWidget(m_detail, 1, 0, 1, 3);
    connect(m_detail, &QLineEdit::textEdited, this, [this] {
        m_edited = true;
        Q_EMIT edited();
    });
    setEditor(box);
    setFocusProxy(m_levels[0]);
    load(0, QString(), QString());
}

void AddressEditor::load(int level, const QString &parentCode, const QString &select)
{
    m_pending[level] = select;
    const QCborValue filter = parentCode.isEmpty() ? QCborValue(QCborArray{QStringLiteral("eq"), QStringLiteral("level"), 1})
                                                   : QCborValue(QCborArray{QStringLiteral("eq"), QStringLiteral("parent_code"), parentCode});
    m_session.call(QStringLiteral("data.query"),
                   QCborMap{{QStringLiteral("entity"), QStringLiteral("region")}, {QStringLiteral("filter"), filter}, {QStringLiteral("limit"), 1000},
                            {QStringLiteral("sort"), QStringLiteral("code")}},
                   this, [this, level](const Reply &r) {
                       QComboBox *combo = m_levels[level];
                       combo->clear();
                       if (!r.isOk()) return;
                       const QCborMap result = r.value().toMap();
                       QHash<QString, int> col;
                       const QCborArray columns = result.value(QStringLiteral("columns")).toArray();
                       for (qsizetype i = 0; i < columns.size(); ++i) col.insert(columns.at(i).toString(), int(i));
                       for (const auto &rv : result.value(QStringLiteral("rows")).toArray()) {
                           const QCborArray row = rv.toArray();
                           const QString code = row.at(col.value(QStringLiteral("code"))).toString();
                           QString name = row.at(col.value(QStringLiteral("name"))).toString();
                           if (row.at(col.value(QStringLiteral("retired"))).toBool()) {
                               if (code != m_held[level]) continue;
                               name += tr("（已撤销）");
                           }
                           combo->addItem(name, code);
                       }
                       // Cities without districts (东莞, 中山, 儋州): the last level stays empty.
                       combo->setEnabled(combo->count() > 0);
                       combo->setCurrentIndex(combo->findData(m_pending[level]));
                       if (combo->currentIndex() >= 0 && level < 2) picked(level);
                       Q_EMIT regionsLoaded(level);
                   });
}

void AddressEditor::picked(int level)
{
    for (int i = level + 1; i < 3; ++i) {
        m_levels[i]->clear();
        m_levels[i]->setEnabled(false);
    }
    const QString code = m_levels[level]->currentData().toString();
    if (level < 2 && !code.isEmpty()) load(level + 1, code, m_pending[level + 1]);
}

QString AddressEditor::chosenCode() const
{
    for (int i = 2; i >= 0; --i)
        if (m_levels[i]->currentIndex() >= 0) return m_levels[i]->currentData().toString();
    return QString();
}

QString AddressEditor::chosenName() const
{
    QString name;
    for (QComboBox *c : m_levels) {
        if (c->currentIndex() < 0) continue;
        const QString part = c->currentText().remove(tr("（已撤销）"));
        if (part != QStringLiteral("市辖区") && part != QStringLiteral("县")) name += part;
    }
    return name;
}

QCborValue AddressEditor::value() const
{
    if (!m_edited) return m_given;
    const QString code = chosenCode();
    if (code.isEmpty() && m_detail->text().trimmed().isEmpty()) return QCborValue(QCborValue::Null);
    return QCborMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), chosenName()}, {QStringLiteral("detail"), m_detail->text().trimmed()}};
}

void AddressEditor::setValue(const QCborValue &value, const QString &)
{
    m_given = value.isMap() ? value : QCborValue(QCborValue::Null);
    m_edited = false;
    const QCborMap m = value.toMap();
    const QString code = m.value(QStringLiteral("code")).toString();
    m_detail->setText(m.value(QStringLiteral("detail")).toString());
    if (code.size() != 6) {
        for (QString &held : m_held) held.clear();
        for (QComboBox *c : m_levels) c->setCurrentIndex(-1);
        return;
    }
    m_pending[0] = code.left(2) + QStringLiteral("0000");
    m_pending[1] = code.left(4) + QStringLiteral("00");
    m_pending[2] = code;
    const bool provinceHeld = m_held[0] == m_pending[0];
    for (int i = 0; i < 3; ++i) m_held[i] = m_pending[i];
    m_levels[0]->setCurrentIndex(m_levels[0]->findData(m_pending[0]));
    if (m_levels[0]->currentIndex() >= 0) picked(0);
    // A retired province is left out of the list loaded before: load it again, holding this one.
    else if (m_levels[0]->count() > 0 && !provinceHeld) load(0, QString(), m_pending[0]);
}

void AddressEditor::setReadOnly(bool readOnly)
{
    for (QComboBox *c : m_levels) c->setEnabled(!readOnly && c->count() > 0);
    m_detail->setReadOnly(readOnly);
}

QWidget *AddressEditor::focusWidget_() { return m_levels[0]; }

} // namespace liuhe::views
