// Tells a barcode scanner from a person: a keyboard-wedge scanner types a burst
// of characters ending in Enter (or Tab, or a configured suffix). Watching the
// whole application, key presses are held back for a moment; four or more that
// arrive under ~50 ms apart and end with the suffix are a scan — emitted whole,
// never landing in whatever field had focus — while slower typing is replayed to
// that field as typed. Input-method events are swallowed during a burst so a
// Chinese IME cannot eat or split a scan. Gaps are measured with the keys' own
// timestamps (when they were typed, from the window system) where there are
// any, so a busy moment of the client — a long reply, a repaint — cannot make a
// scanner's burst look like slow typing and split it.
#pragma once

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace liuhe::inventory {

struct ScanSettings {
    int maxGapMs = 50;
    int minLength = 4;
    QString prefix;  // stripped when present
    QString suffix;  // one character: an extra terminator besides Enter and Tab
};

// What the diagnostics page shows of the last burst: also a fast burst that
// ended without any terminator, so a scanner with an unknown suffix shows it.
struct ScanTrace {
    QString raw;          // as typed, prefix and suffix included
    QList<int> gapsMs;    // between consecutive characters
    QString terminator;   // "Enter", "Tab", the configured suffix, or empty
    bool timedOut = false; // no terminator came: replayed as typing
    QString code;         // what the scan became after cleaning
};

class ScanDetector : public QObject {
    Q_OBJECT
public:
    explicit ScanDetector(QObject *parent = nullptr);
    void setSettings(const ScanSettings &settings) { m_settings = settings; }
    const ScanSettings &settings() const { return m_settings; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    const ScanTrace &lastTrace() const { return m_trace; }

    // NFKC, prefix and control characters stripped — but GS (0x1D) kept for GS1.
    static QString clean(const QString &raw, const ScanSettings &settings);

Q_SIGNALS:
    void scanned(const QString &code);
    void traced(const ScanTrace &trace);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Held {
        QPointer<QObject> target;
        int key;
        Qt::KeyboardModifiers modifiers;
        QString text;
        qint64 at;        // when the filter saw it (ms, m_clock)
        quint64 typedAt;  // the key's own timestamp (ms), 0 when it has none
    };
    qint64 gapMs(const Held &earlier, const Held &later) const;
    void releaseTimedOut();
    void flushAsTyping();
    bool isTerminator(const QKeyEvent *key) const;
    bool isBurstCharacter(const QKeyEvent *key) const;
    void trace(const QString &terminator, bool timedOut);

    ScanSettings m_settings;
    bool m_enabled = true;
    bool m_replaying = false;
    QList<Held> m_held;
    QElapsedTimer m_clock;
    QTimer m_release;
    quint64 m_generation = 0; // bumped whenever the held keys change
    ScanTrace m_trace;
};

} // namespace liuhe::inventory
