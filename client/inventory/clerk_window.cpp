#include "inventory/clerk_window.h"

#include "inventory/barcode_link.h"
#include "inventory/feedback_sound.h"
#include "inventory/scan_line_edit.h"
#include "inventory/scan_queue.h"
#include "inventory/scanner_diagnostics_dialog.h"
#include "inventory/scanner_settings_dialog.h"
#include "inventory/task_lines_table.h"
#include "views/error_text.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace liuhe::inventory {

using protocol::Reply;

namespace {
const char *kBaseStyle = "QWidget { font-size: 15pt; } QPushButton { min-height: 48px; padding: 4px 16px; }";
} // namespace

ClerkWindow::ClerkWindow(client::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setWindowTitle(tr("Warehouse scan screen — %1").arg(session.userName()));
    setStyleSheet(QString::fromLatin1(kBaseStyle));
    m_detector = new ScanDetector(this);
    m_sound = new FeedbackSound(this);
    m_queue = new ScanQueue(session, ScanQueue::fileFor(session), this);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Warehouse scan screen")), this);
    m_queueLabel = new QLabel(this);
    m_queueLabel->setObjectName(QStringLiteral("queueCounter"));
    m_mute = new QPushButton(this);
    m_mute->setObjectName(QStringLiteral("mute"));
    m_mute->setCheckable(true);
    auto *setup = new QPushButton(tr("Scanner settings (F11)"), this);
    auto *diagnostics = new QPushButton(tr("Diagnostics (F12)"), this);
    auto *workstation = new QPushButton(tr("Workstation"), this);
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_queueLabel);
    top->addWidget(m_mute);
    top->addWidget(setup);
    top->addWidget(diagnostics);
    top->addWidget(workstation);
    layout->addLayout(top);

    auto *tasks = new QHBoxLayout;
    const QList<QPair<Task, QString>> taskKeys = {{Task::Receive, QStringLiteral("F1")}, {Task::Pick, QStringLiteral("F2")},
                                                  {Task::Transfer, QStringLiteral("F3")}, {Task::Count, QStringLiteral("F4")}};
    for (const auto &[task, key] : taskKeys) {
        auto *b = new QPushButton(QStringLiteral("%1  %2").arg(key, clerkTaskName(task)), this);
        b->setMinimumHeight(64);
        b->setFocusPolicy(Qt::NoFocus);
        tasks->addWidget(b);
        connect(b, &QPushButton::clicked, this, [this, task] { startTask(task); });
        auto *shortcut = new QShortcut(QKeySequence(key), this);
        connect(shortcut, &QShortcut::activated, this, [this, task] { startTask(task); });
    }
    layout->addLayout(tasks);

    auto *taskRow = new QHBoxLayout;
    m_taskLabel = new QLabel(tr("Choose a task: F1 receive, F2 pick and ship, F3 transfer, F4 count."), this);
    m_taskLabel->setStyleSheet(QStringLiteral("font-size: 18pt;"));
    m_multiplierLabel = new QLabel(this);
    m_multiplierLabel->setStyleSheet(QStringLiteral("font-size: 32pt; font-weight: bold; color: #6A1B9A;"));
    taskRow->addWidget(m_taskLabel, 1);
    taskRow->addWidget(m_multiplierLabel);
    layout->addLayout(taskRow);
    m_stepLabel = new QLabel(this);
    m_stepLabel->setObjectName(QStringLiteral("nextStep"));
    m_stepLabel->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: bold; color: #1565C0;"));
    layout->addWidget(m_stepLabel);

    m_scan = new ScanLineEdit(this);
    m_scan->setObjectName(QStringLiteral("scanField"));
    m_scan->setMinimumHeight(56);
    m_scan->setStyleSheet(QStringLiteral("font-size: 22pt;"));
    m_scan->setPlaceholderText(tr("Scan here — or type a code and press Enter; 12* sets the quantity of the next scan"));
    layout->addWidget(m_scan);

    m_bannerLabel = new ScanBanner(this);
    layout->addWidget(m_bannerLabel);
    m_link = new QPushButton(tr("Link this barcode to a product (F6)"), this);
    m_link->setObjectName(QStringLiteral("linkBarcode"));
    m_link->hide();
    layout->addWidget(m_link);

    m_lines = new TaskLinesTable(this);
    layout->addWidget(m_lines, 1);

    auto *bottom = new QHBoxLayout;
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("scanTotals"));
    m_totals->setStyleSheet(QStringLiteral("font-size: 30pt; font-weight: bold;"));
    auto *undo = new QPushButton(tr("Undo last scan (Ctrl+Z)"), this);
    auto *print = new QPushButton(tr("Print note (F9)"), this);
    auto *finish = new QPushButton(tr("Finish and post (F10)"), this);
    for (auto *b : {undo, print, finish}) b->setFocusPolicy(Qt::NoFocus);
    bottom->addWidget(m_totals, 1);
    bottom->addWidget(undo);
    bottom->addWidget(print);
    bottom->addWidget(finish);
    layout->addLayout(bottom);

    for (auto *b : {m_mute, setup, diagnostics, workstation}) b->setFocusPolicy(Qt::NoFocus);
    applyStationSettings(StationSettings::load());
    connect(m_mute, &QPushButton::clicked, this, [this](bool on) {
        StationSettings s = m_station;
        s.muted = on;
        s.save();
        applyStationSettings(s);
        refocus();
    });
    connect(setup, &QPushButton::clicked, this, &ClerkWindow::openScannerSettings);
    connect(workstation, &QPushButton::clicked, this, &ClerkWindow::workstationRequested);
    connect(diagnostics, &QPushButton::clicked, this, &ClerkWindow::showDiagnostics);
    connect(undo, &QPushButton::clicked, this, &ClerkWindow::undoLastScan);
    connect(finish, &QPushButton::clicked, this, &ClerkWindow::post);
    connect(print, &QPushButton::clicked, this, &ClerkWindow::printNote);
    connect(m_link, &QPushButton::clicked, this, [this] { linkUnknownBarcode(m_unknownBarcode); });
    connect(m_detector, &ScanDetector::scanned, this, &ClerkWindow::handleCode);
    connect(m_scan, &QLineEdit::returnPressed, this, [this] {
        const QString typed = m_scan->text();
        m_scan->clear();
        if (typed.trimmed().isEmpty()) acknowledge();
        else handleCode(ScanDetector::clean(typed, m_detector->settings()));
    });
    connectQueue();
    buildShortcuts();
    m_queueLabel->setText(m_queue->pending() ? tr("Waiting to upload: %1").arg(m_queue->pending()) : QString());
    setBanner(Banner::None, QString());
}

void ClerkWindow::connectQueue()
{
    connect(m_queue, &ScanQueue::pendingChanged, this, [this](int n) { m_queueLabel->setText(n ? tr("Waiting to upload: %1").arg(n) : QString()); });
    connect(m_queue, &ScanQueue::queued, this, [this] {
        m_sound->good();
        setBanner(Banner::Queued, tr("No connection: the scan is queued and will be uploaded automatically."));
    });
    connect(m_queue, &ScanQueue::replayed, this, [this](const QCborMap &, const Reply &r) {
        if (r.isOk()) showProgress(r.value().toMap());
        else setBanner(Banner::Error, tr("A queued scan was refused: %1").arg(views::errorMessage(r.error())));
    });
    connect(m_queue, &ScanQueue::settled, this, [this] {
        if (!m_postWhenSettled) return;
        m_postWhenSettled = false;
        post();
    });
}

void ClerkWindow::buildShortcuts()
{
    auto key = [this](const QKeySequence &k, auto slot) { connect(new QShortcut(k, this), &QShortcut::activated, this, slot); };
    key(QKeySequence::Undo, [this] { undoLastScan(); });
    key(QKeySequence(Qt::Key_F7), [this] { countNextAsZero(); });
    key(QKeySequence(Qt::Key_F9), [this] { printNote(); });
    key(QKeySequence(Qt::Key_F10), [this] { post(); });
    key(QKeySequence(Qt::Key_F11), [this] { openScannerSettings(); });
    key(QKeySequence(Qt::Key_F12), [this] { showDiagnostics(); });
    key(QKeySequence(Qt::Key_F6), [this] {
        if (m_link->isVisible()) linkUnknownBarcode(m_unknownBarcode);
    });
    key(QKeySequence(Qt::Key_Escape), [this] { acknowledge(); });
}

ClerkWindow::~ClerkWindow() { qApp->removeEventFilter(m_detector); }

void ClerkWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    qApp->installEventFilter(m_detector);
    refocus();
}

void ClerkWindow::hideEvent(QHideEvent *event)
{
    qApp->removeEventFilter(m_detector);
    QWidget::hideEvent(event);
}

void ClerkWindow::refocus()
{
    // After a dialog the window may not be active again on every platform.
    if (isVisible() && !isActiveWindow()) activateWindow();
    m_scan->setFocus();
}

int ClerkWindow::queuedScans() const { return m_queue->pending(); }

ClerkWindow::Banner ClerkWindow::banner() const { return m_bannerLabel->kind(); }

QString ClerkWindow::bannerText() const { return m_bannerLabel->text(); }

QTableWidget *ClerkWindow::linesTable() const { return m_lines; }

void ClerkWindow::setBanner(Banner kind, const QString &text)
{
    m_bannerLabel->showMessage(kind, text);
    if (kind != Banner::Error) m_link->hide();
}

void ClerkWindow::acknowledge()
{
    if (banner() == Banner::Error) setBanner(Banner::None, QString());
    refocus();
}

void ClerkWindow::linkUnknownBarcode(const QString &barcode)
{
    linkBarcodeToProduct(m_session, m_detector, this, barcode, [this, barcode](const QString &error) {
        if (!error.isEmpty()) {
            setBanner(Banner::Error, error);
            return;
        }
        setBanner(Banner::None, QString());
        scanBarcode(barcode);
    });
    refocus(); // cancelled or not, the scan field gets the focus back
}

void ClerkWindow::showDiagnostics()
{
    ScannerDiagnosticsDialog dialog(m_detector, this);
    m_diagnosing = true;
    dialog.exec();
    m_diagnosing = false;
    refocus();
}

void ClerkWindow::openScannerSettings()
{
    ScannerSettingsDialog dialog(m_station, this);
    m_detector->setEnabled(false); // typing a prefix is not a scan
    const int result = dialog.exec();
    m_detector->setEnabled(true);
    if (result == QDialog::Accepted) {
        dialog.settings().save();
        applyStationSettings(dialog.settings());
        setBanner(Banner::Info, tr("Scanner settings saved for this station."));
    }
    refocus();
}

void ClerkWindow::applyStationSettings(const StationSettings &settings)
{
    m_station = settings;
    m_detector->setSettings(settings.scan);
    m_sound->setMuted(settings.muted);
    m_mute->setChecked(settings.muted);
    m_mute->setText(settings.muted ? tr("Sound off") : tr("Sound on"));
}

QString ClerkWindow::nextStepText() const { return m_stepLabel->text(); }

void ClerkWindow::showNextStep() { m_stepLabel->setText(inventory::nextStepText(m_task, TaskPlace{m_docId != 0, m_location, m_locationRequired, m_awaitingDestination})); }

} // namespace liuhe::inventory
