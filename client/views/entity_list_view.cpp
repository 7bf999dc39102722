#include "views/entity_list_view.h"

#include "views/field_format.h"
#include "views/filter_bar.h"
#include "views/list_export.h"
#include "views/remote_table_model.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace liuhe::views {

EntityListView::EntityListView(client::Session &session, const schema::Entity &entity, QWidget *parent)
    : QWidget(parent), m_session(session), m_entity(entity)
{
    m_model = new RemoteTableModel(session, entity, this);
    const QStringList saved = QSettings().value(QStringLiteral("columns/") + entity.name).toStringList();
    if (!saved.isEmpty()) m_model->setColumns(saved);

    auto *layout = new QVBoxLayout(this);
    auto *toolbar = new QHBoxLayout;
    auto *create = new QPushButton(tr("New (Ctrl+N)"), this);
    create->setObjectName(QStringLiteral("newButton"));
    create->setVisible(session.permissions().can(entity.name, QStringLiteral("create")) && entity.isWritableGenerically() && !entity.isLine());
    auto *open = new QPushButton(tr("Open"), this);
    auto *refreshButton = new QPushButton(tr("Refresh (F5)"), this);
    auto *columns = new QPushButton(tr("Columns…"), this);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    m_archived = new QCheckBox(tr("Show archived"), this);
    m_archived->setVisible(entity.isArchivable());
    for (QWidget *w : std::initializer_list<QWidget *>{create, open, refreshButton, columns, exportButton, m_archived}) toolbar->addWidget(w);
    toolbar->addStretch();
    layout->addLayout(toolbar);

    m_filter = new FilterBar(session, entity, this);
    layout->addWidget(m_filter);
    m_notice = new QLabel(this);
    m_notice->setText(tr("This list has changed. <a href='#'>Refresh</a>"));
    m_notice->setStyleSheet(QStringLiteral("background:#FFF8E1; padding:4px;"));
    m_notice->hide();
    layout->addWidget(m_notice);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    // Header clicks sort on the server; the list starts in the entity's own order.
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        const schema::Field *f = m_model->columns().value(column);
        const bool again = f && f->name == m_model->sortField();
        m_model->sort(column, again && !m_model->sortDescending() ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(28);
    m_table->horizontalHeader()->setDefaultSectionSize(130);
    for (int c = 0; c < m_model->columnCount(); ++c)
        if (m_model->columns()[c]->has(schema::Searchable)) m_table->setColumnWidth(c, 260); // names are long
    layout->addWidget(m_table, 1);
    m_footer = new QLabel(this);
    m_footer->setObjectName(QStringLiteral("listFooter"));
    layout->addWidget(m_footer);

    connect(create, &QPushButton::clicked, this, [this] { Q_EMIT newRecord(m_entity.name); });
    connect(open, &QPushButton::clicked, this, &EntityListView::openCurrent);
    connect(refreshButton, &QPushButton::clicked, this, &EntityListView::refresh);
    connect(columns, &QPushButton::clicked, this, &EntityListView::chooseColumns);
    connect(exportButton, &QPushButton::clicked, this, &EntityListView::askExport);
    connect(m_archived, &QCheckBox::toggled, m_model, &RemoteTableModel::setIncludeArchived);
    connect(m_table, &QTableView::doubleClicked, this, &EntityListView::openCurrent);
    connect(m_notice, &QLabel::linkActivated, this, &EntityListView::refresh);
    connect(m_filter, &FilterBar::searchChanged, m_model, &RemoteTableModel::setSearch);
    connect(m_filter, &FilterBar::conditionsChanged, this, &EntityListView::applyFilter);
    connect(m_model, &RemoteTableModel::totalsChanged, this, &EntityListView::updateFooter);
    connect(m_model, &RemoteTableModel::rowsInserted, this, &EntityListView::updateFooter);
    connect(m_model, &RemoteTableModel::staleChanged, m_notice, &QLabel::setVisible);
    connect(m_model, &RemoteTableModel::failed, this, [this](const QString &message) { m_footer->setText(message); });

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence::New, [this, create] {
        if (create->isVisible()) Q_EMIT newRecord(m_entity.name);
    });
    shortcut(QKeySequence(Qt::Key_F5), [this] { refresh(); });
    shortcut(QKeySequence::Find, [this] { m_filter->searchBox()->setFocus(); });
    shortcut(QKeySequence(Qt::Key_Return), [this] { openCurrent(); });
    shortcut(QKeySequence(Qt::Key_Enter), [this] { openCurrent(); }); // the number pad's Enter
    shortcut(QKeySequence::Cancel, [this] { // Esc clears the search; with none it does nothing
        if (!m_filter->searchBox()->text().isEmpty()) m_filter->searchBox()->clear();
    });
    m_model->reload();
}

void EntityListView::refresh() { m_model->reload(); }

void EntityListView::applyFilter() { m_model->setFilter(m_filter->conditions()); }

void EntityListView::openCurrent()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid()) return;
    const qint64 id = m_model->idAt(index.row());
    if (id) Q_EMIT openRecord(m_entity.name, id);
}

void EntityListView::updateFooter()
{
    QString text = m_model->total() >= 0 ? tr("%1 records").arg(m_model->total()) : tr("%1 loaded").arg(m_model->rowCount());
    for (auto it = m_model->sums().constBegin(); it != m_model->sums().constEnd(); ++it) {
        const schema::Field *f = m_entity.field(it.key().toString());
        if (f) text += QStringLiteral("    %1 %2").arg(tr("Total %1:").arg(fieldLabel(*f)), displayText(*f, it.value()));
    }
    m_footer->setText(text);
}

QString EntityListView::footerText() const { return m_footer->text(); }

void EntityListView::chooseColumns()
{
    QMenu menu(this);
    QStringList current;
    for (const schema::Field *f : m_model->columns()) current << f->name;
    for (const auto &f : m_entity.fields) {
        if (f.isSensitive() && !m_session.permissions().canReadFieldGroup(f.sensitiveGroup)) continue;
        QAction *a = menu.addAction(fieldLabel(f));
        a->setCheckable(true);
        a->setChecked(current.contains(f.name));
        a->setData(f.name);
    }
    if (!menu.exec(QCursor::pos())) return;
    QStringList chosen;
    for (QAction *a : menu.actions())
        if (a->isChecked()) chosen << a->data().toString();
    if (chosen.isEmpty()) return;
    QSettings().setValue(QStringLiteral("columns/") + m_entity.name, chosen);
    m_model->setColumns(chosen);
    m_model->reload();
}

void EntityListView::askExport()
{
    const QString xlsx = tr("Excel workbook (*.xlsx)"), utf8 = tr("CSV, UTF-8 with BOM (*.csv)"),
                  gb18030 = tr("CSV, GB18030 for older Chinese software (*.csv)");
    QString chosen = xlsx;
    QString path = QFileDialog::getSaveFileName(this, tr("Export the list"), entityLabel(m_entity) + QStringLiteral(".xlsx"),
                                                QStringList{xlsx, utf8, gb18030}.join(QStringLiteral(";;")), &chosen);
    if (path.isEmpty()) return;
    // The chosen type decides, whatever the typed name ends with.
    const QString suffix = chosen == xlsx ? QStringLiteral(".xlsx") : QStringLiteral(".csv");
    if (!path.endsWith(suffix, Qt::CaseInsensitive)) {
        const QFileInfo typed(path);
        const bool otherType = QStringList{QStringLiteral("xlsx"), QStringLiteral("csv")}.contains(typed.suffix().toLower());
        path = typed.dir().filePath((otherType ? typed.completeBaseName() : typed.fileName()) + suffix);
    }
    exportTo(path, chosen == gb18030 ? text::CsvEncoding::Gb18030 : text::CsvEncoding::Utf8);
}

void EntityListView::exportTo(const QString &path, text::CsvEncoding csvEncoding)
{
    auto *exporter = new ListExport(m_session, m_entity, m_model->columns(), m_model->effectiveFilter(), m_model->sortField(), m_model->sortDescending(), this);
    connect(exporter, &ListExport::finished, this, [this, exporter, path](bool ok, int rows, const QString &message) {
        exporter->deleteLater();
        m_footer->setText(ok ? tr("Exported %1 rows to %2").arg(rows).arg(path) : message);
        if (ok) Q_EMIT exported(path, rows);
    });
    exporter->start(path, csvEncoding);
}

} // namespace liuhe::views
