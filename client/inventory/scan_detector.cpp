#include "inventory/scan_detector.h"

#include <QApplication>
#include <QWidget>
#include <QInputMethodEvent>

namespace liuhe::inventory {

ScanDetector::ScanDetector(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_release.setSingleShot(true);
    connect(&m_release, &QTimer::timeout, this, &ScanDetector::releaseTimedOut);
}

qint64 ScanDetector::gapMs(const Held &earlier, const Held &later) const
{
    if (earlier.typedAt && later.typedAt >= earlier.typedAt) return qint64(later.typedAt - earlier.typedAt);
    return later.at - earlier.at;
}

// No key for a while: before deciding the burst is over, let in input that is
// already waiting (the client may have been busy while the scanner went on).
void ScanDetector::releaseTimedOut()
{
    const quint64 generation = m_generation;
    QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers);
    if (generation != m_generation) return; // more keys came (the timer restarted) or the scan completed
    flushAsTyping();
}

QString ScanDetector::clean(const QString &raw, const ScanSettings &settings)
{
    QString s = raw.normalized(QString::NormalizationForm_KC);
    if (!settings.prefix.isEmpty() && s.startsWith(settings.prefix)) s = s.mid(settings.prefix.size());
    if (!settings.suffix.isEmpty() && s.endsWith(settings.suffix)) s.chop(settings.suffix.size());
    QString out;
    for (const QChar c : s)
        if (c == QChar(0x1D) || !(c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)) out += c;
    return out.trimmed();
}

bool ScanDetector::isTerminator(const QKeyEvent *key) const
{
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_Tab) return true;
    return !m_settings.suffix.isEmpty() && key->text() == m_settings.suffix;
}

// Printable characters, GS for GS1, control characters within a burst, and a
// configured prefix or suffix even when it is a control character (STX, ETX):
// all may be part of a scan.
bool ScanDetector::isBurstCharacter(const QKeyEvent *key) const
{
    const QString text = key->text();
    if (text.isEmpty()) return false;
    const QChar c = text.at(0);
    // A keyboard wedge types GS as Ctrl+]: the modifier is how it gets there.
    if (c == QChar(0x1D)) return true;
    // Inside a burst, other control characters a scanner adds (EOT, RS of ISO
    // 15434 framing) belong to it and are cleaned off; Enter, Tab (a short burst
    // ending: typing), Esc and Backspace never.
    static const QString never = QStringLiteral("\r\n\t\x1b\b");
    if (!m_held.isEmpty() && c.unicode() < 0x20 && !never.contains(c)) return true;
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) return false;
    return c.isPrint() || m_settings.prefix.startsWith(c) || m_settings.suffix.startsWith(c);
}

void ScanDetector::trace(const QString &terminator, bool timedOut)
{
    m_trace = ScanTrace();
    for (int i = 0; i < m_held.size(); ++i) {
        m_trace.raw += m_held[i].text;
        if (i) m_trace.gapsMs << int(gapMs(m_held[i - 1], m_held[i]));
    }
    m_trace.terminator = terminator;
    m_trace.timedOut = timedOut;
    m_trace.code = timedOut ? QString() : clean(m_trace.raw, m_settings);
    Q_EMIT traced(m_trace);
}

bool ScanDetector::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_enabled || m_replaying) return false;
    if (event->type() == QEvent::InputMethod && !m_held.isEmpty()) return true; // no IME inside a burst
    if (event->type() != QEvent::KeyPress) return false;
    auto *key = static_cast<QKeyEvent *>(event);
    // Only what the focused widget would get, once (the filter sees parents too).
    if (watched != static_cast<QObject *>(QApplication::focusWidget()) && watched != QApplication::focusObject()) return false;
    const Held current{watched, key->key(), key->modifiers(), key->text(), m_clock.elapsed(), key->timestamp()};
    const bool fast = !m_held.isEmpty() && gapMs(m_held.last(), current) <= m_settings.maxGapMs;
    if (isTerminator(key) && !m_held.isEmpty() && fast && m_held.size() >= m_settings.minLength) {
        m_release.stop();
        trace(key->key() == Qt::Key_Tab ? QStringLiteral("Tab") : (key->text() == m_settings.suffix ? m_settings.suffix : QStringLiteral("Enter")), false);
        m_held.clear();
        ++m_generation;
        if (!m_trace.code.isEmpty()) Q_EMIT scanned(m_trace.code);
        return true;
    }
    if (!isBurstCharacter(key)) {
        flushAsTyping();
        return false;
    }
    if (!m_held.isEmpty() && !fast) flushAsTyping();
    m_held.append(current);
    ++m_generation;
    m_release.start(m_settings.maxGapMs + 10);
    return true;
}

void ScanDetector::flushAsTyping()
{
    m_release.stop();
    // A fast burst with no terminator is most likely a scanner whose suffix is
    // not configured: kept for the diagnostics page.
    bool burst = m_held.size() >= m_settings.minLength;
    for (int i = 1; burst && i < m_held.size(); ++i) burst = gapMs(m_held[i - 1], m_held[i]) <= m_settings.maxGapMs;
    if (burst) trace(QString(), true);
    const QList<Held> held = std::exchange(m_held, {});
    ++m_generation;
    m_replaying = true;
    for (const Held &h : held) {
        if (!h.target) continue;
        QKeyEvent press(QEvent::KeyPress, h.key, h.modifiers, h.text);
        QApplication::sendEvent(h.target, &press);
        QKeyEvent release(QEvent::KeyRelease, h.key, h.modifiers, h.text);
        QApplication::sendEvent(h.target, &release);
    }
    m_replaying = false;
}

} // namespace liuhe::inventory
