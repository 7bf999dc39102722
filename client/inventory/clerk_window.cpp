#include "inventory/clerk_window.h"

#include "domain/quantity.h"
#include "inventory/feedback_sound.h"
#include "inventory/gs1.h"
#include "inventory/scan_line_edit.h"
#include "inventory/scan_queue.h"
#include "inventory/scanner_diagnostics_dialog.h"
#include "inventory/scanner_settings_dialog.h"
#include "schema/catalogue.h"
#include "views/company_record.h"
#include "views/document_print.h"
#include "views/error_text.h"
#include "views/field_format.h"
#include "views/reference_picker_dialog.h"

#include <QApplication>
#include <QCborArray>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace liuhe::inventory {

using protocol::ErrorCode;
using protocol::Reply;

namespace {

const char *kBaseStyle = "QWidget { font-size: 15pt; } QPushButton { min-height: 48px; padding: 4px 16px; }";

QString taskName(ClerkWindow::Task t)
{
    switch (t) {
    case ClerkWindow::Task::Receive: return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Receive");
    case ClerkWindow::Task::Pick: return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Pick and ship");
    case ClerkWindow::Task::Transfer: return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Transfer");
    case ClerkWindow::Task::Count: return QCoreApplication::translate("liuhe::inventory::ClerkWindow", "Stock count");
    case ClerkWindow::Task::None: break;
    }
    return QString();
}

QString qtyText(const QCborValue &v) { return v.isNull() || v.isUndefined() ? QStringLiteral("—") : Quantity::fromMilli(v.toInteger()).toString(true); }

} // namespace

ClerkWindow::ClerkWindow(client::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setWindowTitle(tr("Warehouse scan screen — %1").arg(session.userName()));
    setStyleSheet(QString::fromLatin1(kBaseStyle));
    m_detector = new ScanDetector(this);
    m_sound = new FeedbackSound(this);
    const QString queueFile = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                  .filePath(QStringLiteral("scan-queue-%1.cbor").arg(session.userId()));
    m_queue = new ScanQueue(session, queueFile, this);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Warehouse scan screen")), this);
    m_queueLabel = new QLabel(this);
    m_queueLabel->setObjectName(QStringLiteral("queueCounter"));
    m_mute = new QPushButton(this);
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
        auto *b = new QPushButton(QStringLiteral("%1  %2").arg(key, taskName(task)), this);
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

    m_bannerLabel = new QLabel(this);
    m_bannerLabel->setObjectName(QStringLiteral("scanBanner"));
    m_bannerLabel->setMinimumHeight(72);
    m_bannerLabel->setWordWrap(true);
    m_bannerLabel->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_bannerLabel);
    m_link = new QPushButton(tr("Link this barcode to a product (F6)"), this);
    m_link->hide();
    layout->addWidget(m_link);

    m_lines = new QTableWidget(0, 6, this);
    m_lines->setHorizontalHeaderLabels({tr("Code"), tr("Product"), tr("Location"), tr("Expected"), tr("Scanned"), tr("Unit")});
    m_lines->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_lines->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents); // "A-01 → B-01" in full
    m_lines->verticalHeader()->setDefaultSectionSize(44);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setFocusPolicy(Qt::NoFocus);
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
    connect(m_queue, &ScanQueue::pendingChanged, this, [this](int n) { m_queueLabel->setText(n ? tr("Waiting to upload: %1").arg(n) : QString()); });
    connect(m_queue, &ScanQueue::queued, this, [this] {
        m_sound->good();
        setBanner(Banner::Queued, tr("No connection: the scan is queued and will be uploaded automatically."));
    });
    connect(m_queue, &ScanQueue::replayed, this, [this](const QCborMap &, const Reply &r) {
        if (r.isOk()) showProgress(r.value().toMap());
        else setBanner(Banner::Error, tr("A queued scan was refused: %1").arg(views::errorMessage(r.error())));
    });
    auto key = [this](const QKeySequence &k, auto slot) { connect(new QShortcut(k, this), &QShortcut::activated, this, slot); };
    key(QKeySequence::Undo, [this] { undoLastScan(); });
    key(QKeySequence(Qt::Key_F9), [this] { printNote(); });
    key(QKeySequence(Qt::Key_F10), [this] { post(); });
    key(QKeySequence(Qt::Key_F11), [this] { openScannerSettings(); });
    key(QKeySequence(Qt::Key_F12), [this] { showDiagnostics(); });
    key(QKeySequence(Qt::Key_F6), [this] {
        if (m_link->isVisible()) linkUnknownBarcode(m_unknownBarcode);
    });
    key(QKeySequence(Qt::Key_Escape), [this] { acknowledge(); });
    m_queueLabel->setText(m_queue->pending() ? tr("Waiting to upload: %1").arg(m_queue->pending()) : QString());
    setBanner(Banner::None, QString());
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

QString ClerkWindow::bannerText() const { return m_bannerLabel->text(); }

void ClerkWindow::setBanner(Banner kind, const QString &text)
{
    m_banner = kind;
    m_bannerLabel->setText(text);
    QString style;
    switch (kind) {
    case Banner::Good: style = QStringLiteral("background:#2E7D32; color:white;"); break;
    case Banner::Error: style = QStringLiteral("background:#C62828; color:white;"); break;
    case Banner::Queued: style = QStringLiteral("background:#EF6C00; color:white;"); break;
    case Banner::Info: style = QStringLiteral("background:#1565C0; color:white;"); break;
    case Banner::None: style = QStringLiteral("background:transparent;"); break;
    }
    m_bannerLabel->setStyleSheet(style + QStringLiteral(" font-size: 20pt; font-weight: bold; border-radius: 8px; padding: 8px;"));
    if (kind != Banner::Error) m_link->hide();
}

void ClerkWindow::acknowledge()
{
    if (m_banner == Banner::Error) setBanner(Banner::None, QString());
    refocus();
}

void ClerkWindow::startTask(Task task)
{
    m_task = task;
    m_docId = 0;
    m_docType.clear();
    m_scannedTotal = 0;
    m_lines->setRowCount(0);
    m_totals->clear();
    m_multiplier = 1;
    m_multiplierLabel->clear();
    m_location.clear();
    m_locationRequired = false;
    m_awaitingDestination = 0;
    m_stepLabel->clear();
    setBanner(Banner::None, QString());
    if (task == Task::Receive || task == Task::Pick) {
        m_awaitingOrder = true;
        m_taskLabel->setText(task == Task::Receive ? tr("Receive: scan or type the purchase order number") : tr("Pick: scan or type the sales order number"));
    } else {
        m_awaitingOrder = false;
        chooseWarehouses();
    }
    refocus();
}

void ClerkWindow::chooseWarehouses()
{
    QDialog dialog(this);
    dialog.setWindowTitle(taskName(m_task));
    auto *form = new QFormLayout(&dialog);
    auto *from = new QComboBox(&dialog);
    auto *to = new QComboBox(&dialog);
    form->addRow(m_task == Task::Transfer ? tr("From warehouse") : tr("Warehouse"), from);
    if (m_task == Task::Transfer) form->addRow(tr("To warehouse"), to);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    m_session.call(QStringLiteral("data.query"), QCborMap{{QStringLiteral("entity"), QStringLiteral("warehouse")}}, this, [from, to](const Reply &r) {
        const QCborMap result = r.value().toMap();
        for (const auto &row : result.value(QStringLiteral("rows")).toArray()) {
            const QCborArray cells = row.toArray();
            QString name;
            const QCborArray columns = result.value(QStringLiteral("columns")).toArray();
            for (qsizetype i = 0; i < columns.size(); ++i)
                if (columns.at(i).toString() == QLatin1String("name")) name = cells.at(i).toString();
            from->addItem(name, cells.at(0).toInteger());
            to->addItem(name, cells.at(0).toInteger());
        }
    });
    if (dialog.exec() != QDialog::Accepted) {
        refocus();
        return;
    }
    QCborMap args{{QStringLiteral("warehouse_id"), from->currentData().toLongLong()}};
    if (m_task == Task::Transfer) args.insert(QStringLiteral("to_warehouse_id"), to->currentData().toLongLong());
    openTaskFor(m_task, args);
}

void ClerkWindow::openTaskFor(Task task, const QCborMap &args)
{
    m_task = task;
    QCborMap call = args;
    const char *names[] = {"", "receive", "pick", "transfer", "count"};
    call.insert(QStringLiteral("task"), QString::fromLatin1(names[int(task)]));
    m_session.call(QStringLiteral("inventory.open_task"), call, this, [this](const Reply &r) {
        if (!r.isOk()) {
            m_sound->bad();
            setBanner(Banner::Error, views::errorMessage(r.error()));
            return;
        }
        m_awaitingOrder = false;
        showProgress(r.value().toMap());
        setBanner(Banner::Info, m_locationRequired ? tr("Ready: scan the location first.") : tr("Ready: scan the goods."));
        refocus();
    });
}

void ClerkWindow::orderNumberScanned(const QString &number)
{
    const QString entity = m_task == Task::Receive ? QStringLiteral("purchase_order") : QStringLiteral("sales_order");
    m_session.call(QStringLiteral("data.query"),
                   QCborMap{{QStringLiteral("entity"), entity}, {QStringLiteral("filter"), QCborArray{QStringLiteral("eq"), QStringLiteral("number"), number.toUpper()}}},
                   this, [this](const Reply &r) {
                       const QCborArray rows = r.value().toMap().value(QStringLiteral("rows")).toArray();
                       if (!r.isOk() || rows.isEmpty()) {
                           m_sound->bad();
                           setBanner(Banner::Error, tr("No such order. Scan the order number printed on the document."));
                           return;
                       }
                       openTaskFor(m_task, QCborMap{{QStringLiteral("order_id"), rows.first().toArray().at(0).toInteger()}});
                   });
}

void ClerkWindow::handleCode(const QString &code)
{
    if (m_diagnosing) return;
    refocus();
    if (code.isEmpty()) return;
    if (code.compare(QLatin1String("#ACK"), Qt::CaseInsensitive) == 0) return acknowledge();
    // The undo command barcode does what Ctrl+Z does, in every state.
    if (!m_station.undoCommand.isEmpty() && code.compare(m_station.undoCommand, Qt::CaseInsensitive) == 0) return undoLastScan();
    if (m_banner == Banner::Error) {
        // An error is acknowledged before scanning goes on, so it is never missed.
        m_sound->bad();
        return;
    }
    static const QRegularExpression multiply(QStringLiteral(R"(^(\d{1,4})\*$)"));
    if (const auto m = multiply.match(code); m.hasMatch()) {
        m_multiplier = std::max(1, m.captured(1).toInt());
        m_multiplierLabel->setText(m_multiplier > 1 ? QStringLiteral("×%1").arg(m_multiplier) : QString());
        return;
    }
    if (code.compare(QLatin1String("#UNDO"), Qt::CaseInsensitive) == 0) return undoLastScan();
    if (code.compare(QLatin1String("#POST"), Qt::CaseInsensitive) == 0) return post();
    if (m_awaitingOrder) return orderNumberScanned(code);
    if (!m_docId) {
        m_sound->bad();
        setBanner(Banner::Error, tr("Choose a task first (F1–F4)."));
        return;
    }
    scanBarcode(code);
}

void ClerkWindow::scanBarcode(const QString &raw)
{
    QString barcode = raw;
    QCborMap args{{QStringLiteral("doc_type"), m_docType}, {QStringLiteral("doc_id"), m_docId},
                  {QStringLiteral("quantity"), qint64(m_multiplier) * Quantity::kScale}};
    // A GS1 scan names the product and carries its lot, expiry and serial number.
    if (const auto gs1 = parseGs1(raw)) {
        barcode = productBarcodeOf(gs1->gtin);
        if (!gs1->lot.isEmpty()) args.insert(QStringLiteral("lot"), gs1->lot);
        if (!gs1->serial.isEmpty()) args.insert(QStringLiteral("serial"), gs1->serial);
        if (gs1->expiry.isValid()) args.insert(QStringLiteral("expiry"), gs1->expiry.toString(Qt::ISODate));
    }
    args.insert(QStringLiteral("barcode"), barcode);
    m_multiplier = 1;
    m_multiplierLabel->clear();
    m_queue->submit(args, [this, barcode](const Reply &r) {
        if (!r.isOk()) {
            m_sound->bad();
            QString reason = views::errorMessage(r.error());
            if (!r.error().fields().isEmpty()) reason = views::problemText(r.error().fields().first().code, r.error().fields().first().extra);
            setBanner(Banner::Error, QStringLiteral("✖ %1  (%2)").arg(reason, barcode));
            const bool unknown = !r.error().fields().isEmpty() && r.error().fields().first().code == QLatin1String("unknown_barcode");
            m_unknownBarcode = barcode;
            m_link->setVisible(unknown && m_session.permissions().can(QStringLiteral("product"), QStringLiteral("write")));
            return;
        }
        const QCborMap result = r.value().toMap();
        m_sound->good();
        showProgress(result);
        if (result.contains(QStringLiteral("location_scan"))) {
            const QCborMap at = result.value(QStringLiteral("location_scan")).toMap();
            const QString role = at.value(QStringLiteral("role")).toString();
            const QString code = at.value(QStringLiteral("code")).toString();
            QString text = role == QLatin1String("destination") ? tr("Destination %1: %n line(s) placed", nullptr, int(at.value(QStringLiteral("placed")).toInteger())).arg(code)
                           : role == QLatin1String("source")    ? tr("Source location %1").arg(code)
                           : role == QLatin1String("count")     ? tr("Counting location %1").arg(code)
                           : role == QLatin1String("pick")      ? tr("Picking from location %1").arg(code)
                                                                : tr("Put away to location %1").arg(code);
            setBanner(Banner::Good, QStringLiteral("✔ %1").arg(text));
            return;
        }
        const QCborMap product = result.value(QStringLiteral("product")).toMap();
        setBanner(Banner::Good, QStringLiteral("✔ %1  %2 %3").arg(product.value(QStringLiteral("name")).toString(),
                                                                   qtyText(result.value(QStringLiteral("line_quantity"))),
                                                                   product.value(QStringLiteral("unit")).toString()));
    });
}

void ClerkWindow::showProgress(const QCborMap &progress)
{
    m_docType = progress.value(QStringLiteral("doc_type")).toString(m_docType);
    m_docId = progress.value(QStringLiteral("id")).toInteger(m_docId);
    m_docVersion = progress.value(QStringLiteral("version")).toInteger(m_docVersion);
    m_docNumber = progress.value(QStringLiteral("number")).toString(m_docNumber);
    m_taskLabel->setText(QStringLiteral("%1  %2").arg(taskName(m_task), m_docNumber));
    const QCborArray lines = progress.value(QStringLiteral("lines")).toArray();
    m_lines->setRowCount(int(lines.size()));
    for (int i = 0; i < lines.size(); ++i) {
        const QCborMap l = lines.at(i).toMap();
        QString place = l.value(QStringLiteral("location")).toString();
        if (l.contains(QStringLiteral("to_location"))) place += QStringLiteral(" → ") + l.value(QStringLiteral("to_location")).toString();
        const QStringList cells = {l.value(QStringLiteral("code")).toString(), l.value(QStringLiteral("name")).toString(), place,
                                   qtyText(l.value(QStringLiteral("expected"))), qtyText(l.value(QStringLiteral("scanned"))), l.value(QStringLiteral("unit")).toString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 3 || c == 4) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            const bool complete = !l.value(QStringLiteral("expected")).isNull()
                                  && l.value(QStringLiteral("scanned")).toInteger() >= l.value(QStringLiteral("expected")).toInteger();
            if (complete) item->setBackground(QColor(0xE8, 0xF5, 0xE9));
            m_lines->setItem(i, c, item);
        }
    }
    m_location = progress.value(QStringLiteral("location")).toMap().value(QStringLiteral("code")).toString();
    m_locationRequired = progress.value(QStringLiteral("location_required")).toBool();
    m_awaitingDestination = int(progress.value(QStringLiteral("awaiting_destination")).toInteger());
    showNextStep();
    m_scannedTotal = progress.value(QStringLiteral("scanned_total")).toInteger();
    const qint64 expected = progress.value(QStringLiteral("expected_total")).toInteger();
    m_totals->setText(expected > 0 ? tr("Scanned %1 of %2").arg(Quantity::fromMilli(m_scannedTotal).toString(true), Quantity::fromMilli(expected).toString(true))
                                   : tr("Scanned %1").arg(Quantity::fromMilli(m_scannedTotal).toString(true)));
    Q_EMIT progressChanged();
}

void ClerkWindow::undoLastScan()
{
    if (!m_docId) return;
    // The last scan may still be waiting in the queue: then it is the one to take
    // back, and the server (which has not seen it) must not undo an older one.
    if (m_queue->dropNewest()) {
        setBanner(Banner::Info, tr("The last scan was taken back before upload."));
        refocus();
        return;
    }
    if (m_queue->pending() > 0) {
        m_sound->bad();
        setBanner(Banner::Error, tr("The last scan is being uploaded; undo it when the upload is through."));
        refocus();
        return;
    }
    m_session.call(QStringLiteral("inventory.undo_scan"), QCborMap{{QStringLiteral("doc_type"), m_docType}, {QStringLiteral("doc_id"), m_docId}},
                   this, [this](const Reply &r) {
                       if (!r.isOk()) {
                           m_sound->bad();
                           setBanner(Banner::Error, views::errorMessage(r.error()));
                           return;
                       }
                       showProgress(r.value().toMap());
                       setBanner(Banner::Info, tr("The last scan was undone."));
                   });
    refocus();
}

void ClerkWindow::post()
{
    if (!m_docId) return;
    if (m_queue->pending() > 0) {
        setBanner(Banner::Error, tr("Some scans are still waiting to upload. Post when they are through."));
        return;
    }
    if (m_awaitingDestination > 0) {
        m_sound->bad();
        setBanner(Banner::Error, tr("Scan the destination location first: %n line(s) have no destination yet.", nullptr, m_awaitingDestination));
        return;
    }
    m_session.call(QStringLiteral("doc.action"),
                   QCborMap{{QStringLiteral("entity"), m_docType}, {QStringLiteral("id"), m_docId}, {QStringLiteral("version"), m_docVersion},
                            {QStringLiteral("action"), QStringLiteral("post")}},
                   this, [this](const Reply &r) {
                       if (!r.isOk()) {
                           m_sound->bad();
                           QString reason = views::errorMessage(r.error());
                           if (r.error().code() == ErrorCode::Conflict) reason = tr("The document changed; scan once more or refresh, then post.");
                           setBanner(Banner::Error, reason);
                           return;
                       }
                       m_sound->good();
                       const QString state = r.value().toMap().value(QStringLiteral("state")).toString();
                       setBanner(Banner::Good, state == QLatin1String("pending") ? tr("%1 submitted for approval.").arg(m_docNumber)
                                                                                : tr("%1 posted.").arg(m_docNumber));
                       m_docId = 0;
                       m_task = Task::None;
                       m_location.clear();
                       m_stepLabel->clear();
                       m_taskLabel->setText(tr("Choose a task: F1 receive, F2 pick and ship, F3 transfer, F4 count."));
                   });
    refocus();
}

void ClerkWindow::printNote()
{
    if (!m_docId) return;
    const schema::Entity *e = schema::Catalogue::instance().entity(m_docType);
    if (!e) return;
    views::fetchCompany(m_session, this, [this, e](const QCborMap &company) {
        m_session.call(QStringLiteral("data.get"), QCborMap{{QStringLiteral("entity"), m_docType}, {QStringLiteral("id"), m_docId}}, this,
                       [this, e, company](const Reply &r) {
                           if (!r.isOk()) {
                               setBanner(Banner::Error, views::errorMessage(r.error()));
                               return;
                           }
                           const QCborMap record = r.value().toMap();
                           const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
                           QDir().mkpath(dir);
                           const QString path = QDir(dir).filePath(record.value(QStringLiteral("number")).toString() + QStringLiteral(".pdf"));
                           m_lastNoteHtml = views::DocumentPrint::html(*e, record, company);
                           if (!views::DocumentPrint::writePdf(*e, record, company, path)) {
                               setBanner(Banner::Error, tr("Could not write %1.").arg(path));
                               return;
                           }
                           setBanner(Banner::Info, tr("Note saved as %1").arg(path));
                           Q_EMIT notePrinted(path);
                       });
    });
    refocus();
}

void ClerkWindow::linkUnknownBarcode(const QString &barcode)
{
    views::ReferencePickerDialog dialog(m_session, QStringLiteral("product"), QT_TRANSLATE_NOOP("Schema", "Product"), tr("Link barcode %1").arg(barcode), this);
    m_detector->setEnabled(false); // typing a product name is not a scan
    const int result = dialog.exec();
    m_detector->setEnabled(true);
    if (result != QDialog::Accepted) {
        refocus();
        return;
    }
    const qint64 productId = dialog.chosenId();
    m_session.call(QStringLiteral("data.get"), QCborMap{{QStringLiteral("entity"), QStringLiteral("product")}, {QStringLiteral("id"), productId}},
                   this, [this, productId, barcode](const Reply &got) {
                       if (!got.isOk()) return;
                       m_session.call(QStringLiteral("data.save"),
                                      QCborMap{{QStringLiteral("entity"), QStringLiteral("product")}, {QStringLiteral("id"), productId},
                                               {QStringLiteral("version"), got.value().toMap().value(QStringLiteral("version"))},
                                               {QStringLiteral("changes"), QCborMap{{QStringLiteral("barcode"), barcode}}}},
                                      this, [this, barcode](const Reply &saved) {
                                          if (!saved.isOk()) {
                                              setBanner(Banner::Error, views::errorMessage(saved.error()));
                                              return;
                                          }
                                          setBanner(Banner::None, QString());
                                          scanBarcode(barcode);
                                      });
                   });
    refocus();
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

// What the clerk scans next, from where the server says the task stands.
void ClerkWindow::showNextStep()
{
    QString step;
    if (m_task == Task::Transfer) {
        if (m_awaitingDestination > 0) step = tr("Scan more goods, then the destination location (%n line(s) waiting)", nullptr, m_awaitingDestination);
        else if (m_locationRequired) step = tr("Next: scan the source location");
        else if (!m_location.isEmpty()) step = tr("From %1: scan the goods").arg(m_location);
    } else if (m_task == Task::Count) {
        if (m_locationRequired) step = tr("Next: scan the location to count");
        else if (!m_location.isEmpty()) step = tr("Counting %1: scan every item there").arg(m_location);
    } else if (m_task == Task::Receive && m_docId) {
        step = m_location.isEmpty() ? tr("Scan the goods (scan a location first to put them away there)") : tr("Putting away to %1: scan the goods").arg(m_location);
    } else if (m_task == Task::Pick && m_docId && !m_location.isEmpty()) {
        step = tr("Picking from %1: scan the goods").arg(m_location);
    }
    m_stepLabel->setText(step);
}

} // namespace liuhe::inventory
