#include "inventory/scan_detector.h"

#include <QApplication>
#include <QWidget>
#include <QInputMethodEvent>

namespace liuhe::inventory {

ScanDetector::ScanDetector(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_release.setSingleShot(true);
    connect(&m_release, &QTimer::timeout, this, &ScanDetector::flushAsTyping);
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

bool ScanDetector::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_enabled || m_replaying) return false;
    if (event->type() == QEvent::InputMethod && !m_held.isEmpty()) return true; // no IME inside a burst
    if (event->type() != QEvent::KeyPress) return false;
    auto *key = static_cast<QKeyEvent *>(event);
    // Only what the focused widget would get, once (the filter sees parents too).
    if (watched != static_cast<QObject *>(QApplication::focusWidget()) && watched != QApplication::focusObject()) return false;
    const qint64 now = m_clock.elapsed();
    const bool fast = !m_held.isEmpty() && now - m_held.last().at <= m_settings.maxGapMs;
    if (isTerminator(key) && !m_held.isEmpty() && fast && m_held.size() >= m_settings.minLength) {
        m_release.stop();
        QString raw;
        m_trace = ScanTrace();
        for (int i = 0; i < m_held.size(); ++i) {
            raw += m_held[i].text;
            if (i) m_trace.gapsMs << int(m_held[i].at - m_held[i - 1].at);
        }
        m_trace.raw = raw;
        m_trace.terminator = key->key() == Qt::Key_Tab ? QStringLiteral("Tab") : (key->text() == m_settings.suffix ? m_settings.suffix : QStringLiteral("Enter"));
        m_held.clear();
        const QString code = clean(raw, m_settings);
        if (!code.isEmpty()) Q_EMIT scanned(code);
        return true;
    }
    const QString text = key->text();
    const bool printable = !text.isEmpty() && (text.at(0).isPrint() || text.at(0) == QChar(0x1D))
                           && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (!printable) {
        flushAsTyping();
        return false;
    }
    if (!m_held.isEmpty() && !fast) flushAsTyping();
    m_held.append(Held{watched, key->key(), key->modifiers(), text, now});
    m_release.start(m_settings.maxGapMs + 10);
    return true;
}

void ScanDetector::flushAsTyping()
{
    m_release.stop();
    const QList<Held> held = std::exchange(m_held, {});
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
