// The warehouse clerk's full-screen, scan-first window (库管员扫码录入):
// 收货 (F1) against a purchase order, 拣货发货 (F2) for a sales order, 调拨 (F3),
// 盘点 (F4). A scan anywhere in the window is taken as a scan; good scans flash
// green with a tone and running totals, errors show a red banner that stays until
// acknowledged, with a low tone, and post nothing. n* multiplies the next scan,
// Ctrl+Z (or the station's undo command barcode) undoes the last one, F9 prints
// the note, F10 posts. At a count, 0* (or F7) then a scan counts that product
// as zero there, and F10 first shows the variance list. Location barcodes set where the goods are: a transfer
// scans its source, the goods, then the destination; a count its location
// first; a receipt optionally its put-away location. F11 sets up the station's
// scanner, F12 shows what the scanner sends. Offline scans queue (with a
// visible counter) and replay exactly once.
// clerk_window.cpp builds the window and runs the station (banner, sound,
// settings, diagnostics); clerk_window_task.cpp runs a task: codes, scans,
// progress, undo, post, the note. The pieces they show are their own files.
#pragma once

#include "inventory/clerk_task.h"
#include "inventory/scan_banner.h"
#include "inventory/scan_detector.h"
#include "inventory/station_settings.h"
#include "net/session.h"

#include <QCborMap>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace liuhe::inventory {

class FeedbackSound;
class ScanLineEdit;
class ScanQueue;
class TaskLinesTable;

class ClerkWindow : public QWidget {
    Q_OBJECT
public:
    explicit ClerkWindow(client::Session &session, QWidget *parent = nullptr);
    ~ClerkWindow() override;

    using Task = ClerkTask;
    using Banner = ScanBanner::Kind;

    void startTask(Task task);
    // Everything a scan or a typed code can be: an order number when a task
    // waits for one, a command (#UNDO or the station's undo barcode, #POST,
    // #ACK), "12*" to multiply, a product or location barcode.
    void handleCode(const QString &code);
    void undoLastScan();
    void post();
    void acknowledge();
    // Saves the current note as a PDF in the user's documents folder (F9).
    void printNote();
    void openScannerSettings();
    void applyStationSettings(const StationSettings &settings);

    // For tests and the diagnostics page.
    Banner banner() const;
    QString bannerText() const;
    int multiplier() const { return m_multiplier; }
    int queuedScans() const;
    qint64 documentId() const { return m_docId; }
    QString documentType() const { return m_docType; }
    qint64 scannedTotal() const { return m_scannedTotal; }
    ScanLineEdit *scanField() const { return m_scan; }
    ScanDetector *detector() const { return m_detector; }
    FeedbackSound *sound() const { return m_sound; }
    QTableWidget *linesTable() const;
    QString currentLocation() const { return m_location; }
    QString nextStepText() const;
    int awaitingDestination() const { return m_awaitingDestination; }
    const StationSettings &stationSettings() const { return m_station; }
    QString lastNoteHtml() const { return m_lastNoteHtml; }
    void openTaskFor(Task task, const QCborMap &args);

Q_SIGNALS:
    void workstationRequested();
    void progressChanged();
    void notePrinted(const QString &path);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void scanBarcode(const QString &barcode);
    void showProgress(const QCborMap &progress);
    void setBanner(Banner kind, const QString &text);
    void orderNumberScanned(const QString &number);
    void chooseWarehouses();
    void chooseCount();
    void linkUnknownBarcode(const QString &barcode);
    void showDiagnostics();
    void showNextStep();
    void countNextAsZero();
    bool confirmCountVariances();
    void refocus();
    void buildShortcuts();
    void connectQueue();

    client::Session &m_session;
    ScanDetector *m_detector;
    ScanQueue *m_queue;
    FeedbackSound *m_sound;
    ScanLineEdit *m_scan;
    QLabel *m_taskLabel;
    QLabel *m_multiplierLabel;
    QLabel *m_stepLabel;
    QPushButton *m_mute;
    ScanBanner *m_bannerLabel;
    QLabel *m_totals;
    QLabel *m_queueLabel;
    TaskLinesTable *m_lines;
    QPushButton *m_link;
    Task m_task = Task::None;
    bool m_awaitingOrder = false;
    QString m_docType;
    qint64 m_docId = 0;
    qint64 m_docVersion = 0;
    QString m_docNumber;
    qint64 m_scannedTotal = 0;
    int m_multiplier = 1;
    QString m_unknownBarcode;
    StationSettings m_station;
    QString m_location;
    bool m_locationRequired = false;
    int m_awaitingDestination = 0;
    bool m_postWhenSettled = false; // F10 came while a scan was still on its way
    bool m_diagnosing = false; // scans go to the diagnostics page only
    QString m_lastNoteHtml;
};

} // namespace liuhe::inventory
