#include "inventory/clerk_window.h"

#include "domain/quantity.h"
#include "inventory/count_choice_dialog.h"
#include "inventory/count_variance_dialog.h"
#include "inventory/feedback_sound.h"
#include "inventory/gs1.h"
#include "inventory/scan_queue.h"
#include "inventory/task_lines_table.h"
#include "inventory/task_note.h"
#include "inventory/warehouse_choice_dialog.h"
#include "views/error_text.h"
#include "views/field_format.h"

#include <QCborArray>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>

namespace liuhe::inventory {

using protocol::ErrorCode;
using protocol::Reply;

void ClerkWindow::startTask(Task task)
{
    m_task = task;
    m_docId = 0;
    m_postWhenSettled = false;
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
    } else if (task == Task::Count) {
        m_awaitingOrder = false;
        chooseCount();
    } else {
        m_awaitingOrder = false;
        chooseWarehouses();
    }
    refocus();
}

void ClerkWindow::chooseWarehouses()
{
    WarehouseChoiceDialog dialog(m_session, clerkTaskName(m_task), m_task == Task::Transfer, this);
    if (dialog.exec() != QDialog::Accepted) {
        refocus();
        return;
    }
    QCborMap args{{QStringLiteral("warehouse_id"), dialog.fromWarehouse()}};
    if (m_task == Task::Transfer) args.insert(QStringLiteral("to_warehouse_id"), dialog.toWarehouse());
    openTaskFor(m_task, args);
}

// An open count of the warehouse to join (shared with other clerks), or a new one.
void ClerkWindow::chooseCount()
{
    CountChoiceDialog dialog(m_session, this);
    m_detector->setEnabled(false);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    m_detector->setEnabled(true);
    if (!accepted || !dialog.warehouse()) {
        refocus();
        return;
    }
    QCborMap args{{QStringLiteral("warehouse_id"), dialog.warehouse()}};
    if (const qint64 count = dialog.countId()) {
        args.insert(QStringLiteral("count_id"), count);
    } else {
        args.insert(QStringLiteral("new"), true);
        if (!dialog.locationPrefix().isEmpty()) args.insert(QStringLiteral("location_prefix"), dialog.locationPrefix());
    }
    openTaskFor(Task::Count, args);
}

void ClerkWindow::openTaskFor(Task task, const QCborMap &args)
{
    m_task = task;
    QCborMap call = args;
    call.insert(QStringLiteral("task"), clerkTaskKey(task));
    m_session.call(QStringLiteral("inventory.open_task"), call, this, [this](const Reply &r) {
        if (!r.isOk()) {
            m_sound->bad();
            // A count another clerk has just posted says so, not "not possible now".
            const bool closed = !r.error().fields().isEmpty() && r.error().fields().first().code == QLatin1String("not_open");
            setBanner(Banner::Error, closed ? views::problemText(r.error().fields().first().code, {}) : views::errorMessage(r.error()));
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
    if (banner() == Banner::Error) {
        // An error is acknowledged before scanning goes on, so it is never missed.
        m_sound->bad();
        return;
    }
    static const QRegularExpression multiply(QStringLiteral(R"(^(\d{1,4})\*$)"));
    if (const auto m = multiply.match(code); m.hasMatch()) {
        if (m.captured(1).toInt() == 0) return countNextAsZero();
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
    if (m_multiplier == 0) args.insert(QStringLiteral("zero"), true);
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
        if (result.value(QStringLiteral("zero")).toBool()) {
            setBanner(Banner::Good, QStringLiteral("✔ %1").arg(tr("%1 counted as 0").arg(product.value(QStringLiteral("name")).toString())));
            return;
        }
        QString name = product.value(QStringLiteral("name")).toString();
        if (const QString serial = result.value(QStringLiteral("serial")).toString(); !serial.isEmpty()) name += QStringLiteral("  #") + serial;
        setBanner(Banner::Good, QStringLiteral("✔ %1  %2 %3").arg(name,
                                                                   quantityText(result.value(QStringLiteral("line_quantity"))),
                                                                   product.value(QStringLiteral("unit")).toString()));
    });
}

void ClerkWindow::showProgress(const QCborMap &progress)
{
    m_docType = progress.value(QStringLiteral("doc_type")).toString(m_docType);
    m_docId = progress.value(QStringLiteral("id")).toInteger(m_docId);
    m_docVersion = progress.value(QStringLiteral("version")).toInteger(m_docVersion);
    m_docNumber = progress.value(QStringLiteral("number")).toString(m_docNumber);
    m_taskLabel->setText(QStringLiteral("%1  %2").arg(clerkTaskName(m_task), m_docNumber));
    m_lines->showLines(progress.value(QStringLiteral("lines")).toArray());
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
    if (m_queue->inFlight() > 0) {
        // A fast clerk: the last scan's answer (and the document's version) is
        // still on its way; post as soon as it is in.
        m_postWhenSettled = true;
        return;
    }
    if (m_queue->pending() > 0) {
        setBanner(Banner::Error, tr("Some scans are still waiting to upload. Post when they are through."));
        return;
    }
    if (m_awaitingDestination > 0) {
        m_sound->bad();
        setBanner(Banner::Error, tr("Scan the destination location first: %n line(s) have no destination yet.", nullptr, m_awaitingDestination));
        return;
    }
    if (m_docType == QLatin1String("stock_count") && !confirmCountVariances()) {
        refocus();
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
    printTaskNote(m_session, m_docType, m_docId, this, [this](const TaskNote &note) {
        if (!note.html.isEmpty()) m_lastNoteHtml = note.html;
        if (!note.ok) {
            setBanner(Banner::Error, note.error);
            return;
        }
        setBanner(Banner::Info, tr("Note saved as %1").arg(note.path));
        Q_EMIT notePrinted(note.path);
    });
    refocus();
}

// 0* (or F7) before a scan at a count: the product is counted as zero here.
void ClerkWindow::countNextAsZero()
{
    if (m_task != Task::Count) {
        m_sound->bad();
        setBanner(Banner::Error, tr("0* counts a product as zero; it is only for stock counts (F4)."));
        return;
    }
    m_multiplier = 0;
    m_multiplierLabel->setText(tr("Next scan: count 0"));
    refocus();
}

// The variance list before a count is posted; scans wait while it is open.
bool ClerkWindow::confirmCountVariances()
{
    CountVarianceDialog dialog(m_session, m_docId, m_docNumber, this);
    m_detector->setEnabled(false);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    m_detector->setEnabled(true);
    return accepted;
}

} // namespace liuhe::inventory
