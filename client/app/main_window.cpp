#include "app/main_window.h"

#include "app/password_dialog.h"
#include "inventory/stock_reports.h"
#include "schema/catalogue.h"
#include "views/entity_list_view.h"
#include "views/field_format.h"
#include "views/record_form.h"
#include "views/report_model.h"
#include "views/report_view.h"
#include "system/workday_editor.h"
#include "views/todo_view.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>

namespace liuhe::app {

namespace {
enum NavRole { ViewRole = Qt::UserRole + 1 };
}

MainWindow::MainWindow(client::Session &session, QWidget *parent) : QMainWindow(parent), m_session(session)
{
    setWindowTitle(tr("Liuhe — %1").arg(session.userName()));
    resize(1366, 800);
    auto *splitter = new QSplitter(this);
    m_nav = new QTreeWidget(splitter);
    m_nav->setHeaderHidden(true);
    m_nav->setMinimumWidth(190);
    m_nav->setMaximumWidth(280);
    m_tabs = new QTabWidget(splitter);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    splitter->addWidget(m_nav);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    m_todo = new views::TodoView(session, this);
    addTab(m_todo, tr("My to-dos"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the to-do tab stays

    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("connectionState"));
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->addPermanentWidget(new QLabel(tr("%1 · %2").arg(session.userName(), session.address().toString()), this));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("todoNotice"));
    m_notice->setStyleSheet(QStringLiteral("background:#1565C0; color:white; padding:8px 14px; border-radius:6px;"));
    m_notice->hide();
    // Each notice stays its full time: a newer one restarts the clock.
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(kNoticeMs);
    connect(&m_noticeTimer, &QTimer::timeout, m_notice, &QLabel::hide);

    buildNavigation();
    buildMenus();
    showConnection(session.state());
    connect(&session, &client::Session::stateChanged, this, &MainWindow::showConnection);
    connect(m_nav, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { openView(item->data(0, ViewRole).toString()); });
    connect(m_nav, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { openView(item->data(0, ViewRole).toString()); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_todo, &views::TodoView::openRecord, this, [this](const QString &e, qint64 id) { openRecord(e, id); });
    connect(m_todo, &views::TodoView::countChanged, this, [this](int n) {
        if (m_todoItem) m_todoItem->setText(0, n ? tr("My to-dos (%1)").arg(n) : tr("My to-dos"));
        m_tabs->setTabText(m_tabs->indexOf(m_todo), n ? tr("My to-dos (%1)").arg(n) : tr("My to-dos"));
    });
    connect(m_todo, &views::TodoView::arrived, this, &MainWindow::notify);
}

void MainWindow::buildNavigation()
{
    m_todoItem = new QTreeWidgetItem(m_nav, {tr("My to-dos")});
    m_todoItem->setData(0, ViewRole, QStringLiteral("todo"));
    const client::Permissions &perms = m_session.permissions();
    if (perms.can(QStringLiteral("purchase_receipt"), QStringLiteral("create")) || perms.can(QStringLiteral("delivery"), QStringLiteral("create"))) {
        auto *clerk = new QTreeWidgetItem(m_nav, {tr("Warehouse scan screen")});
        clerk->setData(0, ViewRole, QStringLiteral("clerk"));
    }
    const QStringList modules = perms.modules();
    for (const auto &m : schema::allModules()) {
        if (!modules.contains(QString::fromLatin1(m.key))) continue;
        auto *moduleItem = new QTreeWidgetItem(m_nav, {views::moduleLabel(m.module)});
        moduleItem->setFlags(Qt::ItemIsEnabled);
        QFont bold = moduleItem->font(0);
        bold.setBold(true);
        moduleItem->setFont(0, bold);
        for (const schema::Entity *e : schema::Catalogue::instance().entitiesOf(m.module)) {
            if (e->isLine() || !perms.canRead(e->name)) continue;
            auto *item = new QTreeWidgetItem(moduleItem, {views::entityLabel(*e)});
            item->setData(0, ViewRole, e->name);
        }
        for (const views::ReportSpec &r : inventory::stockReports()) {
            if (r.module != m.module || !perms.canRead(r.readEntity)) continue;
            auto *item = new QTreeWidgetItem(moduleItem, {views::reportText(r.title)});
            item->setData(0, ViewRole, QStringLiteral("report:") + r.name);
        }
        moduleItem->setExpanded(m.module != schema::Module::System);
    }
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Change password…"), this, [this] {
        PasswordDialog dialog(m_session, this);
        dialog.exec();
    });
    file->addSeparator();
    file->addAction(tr("Log out and quit"), this, [this] {
        if (!close()) return;
        m_session.logout();
    });
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("My to-dos"), this, [this] { openView(QStringLiteral("todo")); });
    if (m_session.permissions().home() == QLatin1String("dashboard") || m_session.permissions().canRead(QStringLiteral("stock_level")))
        view->addAction(tr("Manager dashboard"), this, [this] { Q_EMIT windowRequested(QStringLiteral("dashboard")); });
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(QStringLiteral("中文"), this, [this] { Q_EMIT languageSwitchRequested(QStringLiteral("zh_CN")); });
    settings->addAction(QStringLiteral("English"), this, [this] { Q_EMIT languageSwitchRequested(QStringLiteral("en")); });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("About Liuhe"), this, [this] {
        QMessageBox::about(this, tr("About Liuhe"), tr("Liuhe Enterprise Management 0.1 — CRM, purchasing, sales, inventory and more in one suite."));
    });
}

int MainWindow::addTab(QWidget *widget, const QString &title)
{
    const int index = m_tabs->addTab(widget, title);
    m_tabs->setCurrentIndex(index);
    return index;
}

bool MainWindow::openView(const QString &name)
{
    if (name.isEmpty()) return false;
    if (name == QLatin1String("todo")) {
        m_tabs->setCurrentWidget(m_todo);
        m_todo->refresh();
        return true;
    }
    if (name == QLatin1String("clerk") || name == QLatin1String("dashboard")) {
        Q_EMIT windowRequested(name);
        return true;
    }
    if (name == QLatin1String("workday")) return openWorkdayEditor() != nullptr;
    if (name.startsWith(QLatin1String("form:"))) {
        const QStringList parts = name.split(u':');
        return parts.size() == 3 && openRecord(parts[1], parts[2].toLongLong());
    }
    if (name.startsWith(QLatin1String("new:"))) return newRecord(name.mid(4)) != nullptr;
    if (name.startsWith(QLatin1String("report:"))) return openReport(name.mid(7)) != nullptr;
    return openList(name) != nullptr;
}

// The workday table has its own year editor instead of the generic list.
system::WorkdayEditor *MainWindow::openWorkdayEditor()
{
    if (!m_session.permissions().canRead(QStringLiteral("workday"))) return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *editor = qobject_cast<system::WorkdayEditor *>(m_tabs->widget(i))) {
            m_tabs->setCurrentIndex(i);
            return editor;
        }
    auto *editor = new system::WorkdayEditor(m_session, this);
    addTab(editor, tr("Workday calendar"));
    return editor;
}

views::ReportView *MainWindow::openReport(const QString &name)
{
    const views::ReportSpec *spec = inventory::stockReport(name);
    if (!spec || !m_session.permissions().canRead(spec->readEntity)) return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *view = qobject_cast<views::ReportView *>(m_tabs->widget(i)); view && &view->spec() == spec) {
            m_tabs->setCurrentIndex(i);
            return view;
        }
    auto *view = new views::ReportView(m_session, *spec, this);
    addTab(view, view->title());
    return view;
}

views::EntityListView *MainWindow::openList(const QString &entityName)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(entityName);
    if (!e || !m_session.permissions().canRead(entityName)) return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *list = qobject_cast<views::EntityListView *>(m_tabs->widget(i)); list && &list->entity() == e) {
            m_tabs->setCurrentIndex(i);
            return list;
        }
    auto *list = new views::EntityListView(m_session, *e, this);
    connect(list, &views::EntityListView::openRecord, this, [this](const QString &entity, qint64 id) { openRecord(entity, id); });
    connect(list, &views::EntityListView::newRecord, this, [this](const QString &entity) { newRecord(entity); });
    addTab(list, views::entityLabel(*e));
    return list;
}

views::RecordForm *MainWindow::openRecord(const QString &entityName, qint64 id)
{
    const schema::Entity *e = schema::Catalogue::instance().entity(entityName);
    if (!e) return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *form = qobject_cast<views::RecordForm *>(m_tabs->widget(i)); form && &form->entity() == e && form->recordId() == id && id) {
            m_tabs->setCurrentIndex(i);
            return form;
        }
    auto *form = new views::RecordForm(m_session, *e, id, this);
    const int index = addTab(form, form->title());
    Q_UNUSED(index);
    connect(form, &views::RecordForm::titleChanged, this, [this, form](const QString &title) { m_tabs->setTabText(m_tabs->indexOf(form), title); });
    connect(form, &views::RecordForm::openRequested, this, [this](const QString &entity, qint64 rid) { openRecord(entity, rid); });
    connect(form, &views::RecordForm::closeRequested, this, [this, form] { closeTab(m_tabs->indexOf(form)); });
    return form;
}

views::RecordForm *MainWindow::newRecord(const QString &entity) { return openRecord(entity, 0); }

bool MainWindow::closeTab(int index)
{
    QWidget *w = m_tabs->widget(index);
    if (w == m_todo) return false;
    if (auto *form = qobject_cast<views::RecordForm *>(w); form && !form->maybeClose()) {
        // 保存 chosen: close once the save succeeded (取消 leaves the tab as it is).
        if (form->isSaving())
            connect(form, &views::RecordForm::saved, this, [this, form] { closeTab(m_tabs->indexOf(form)); }, Qt::SingleShotConnection);
        return false;
    }
    m_tabs->removeTab(index);
    w->deleteLater();
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (int i = m_tabs->count() - 1; i >= 0; --i)
        if (auto *form = qobject_cast<views::RecordForm *>(m_tabs->widget(i)); form && form->isDirty()) {
            m_tabs->setCurrentIndex(i);
            if (!closeTab(i)) {
                event->ignore();
                return;
            }
        }
    event->accept();
}

void MainWindow::showConnection(client::Session::State state)
{
    QString text, color;
    switch (state) {
    case client::Session::State::Online: text = tr("Connected"); color = QStringLiteral("#2E7D32"); break;
    case client::Session::State::Connecting: text = tr("Connecting…"); color = QStringLiteral("#EF6C00"); break;
    case client::Session::State::Reconnecting: text = tr("Connection lost — reconnecting; your work is kept"); color = QStringLiteral("#EF6C00"); break;
    case client::Session::State::LoggedOut: text = tr("Not connected"); color = QStringLiteral("#C62828"); break;
    }
    m_connection->setText(QStringLiteral("<span style='color:%1'>●</span> %2").arg(color, text));
}

QString MainWindow::connectionText() const { return m_connection->text(); }

void MainWindow::notify(const QString &title, const QString &text)
{
    m_lastNotice = title + QStringLiteral("：") + text;
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->show();
        }
        m_tray->showMessage(title, text);
    }
    // Always in the window too, top right, for a few seconds.
    m_notice->setText(QStringLiteral("<b>%1</b><br>%2").arg(title.toHtmlEscaped(), text.toHtmlEscaped()));
    m_notice->adjustSize();
    m_notice->move(width() - m_notice->width() - 20, menuBar()->height() + 10);
    m_notice->raise();
    m_notice->show();
    m_noticeTimer.start();
}

} // namespace liuhe::app
