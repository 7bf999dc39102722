#include "inventory/feedback_sound.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSoundEffect>
#include <QStandardPaths>
#include <QtEndian>
#include <cmath>

namespace liuhe::inventory {

namespace {

// A mono 16-bit PCM WAV of a sine tone.
QByteArray toneWav(double hz, int ms)
{
    const int rate = 22050;
    const int samples = rate * ms / 1000;
    QByteArray pcm(samples * 2, Qt::Uninitialized);
    for (int i = 0; i < samples; ++i) {
        const double fade = std::min(1.0, std::min(i, samples - i) / (rate * 0.005)); // no clicks
        const qint16 v = qint16(std::sin(2 * M_PI * hz * i / rate) * 12000 * fade);
        qToLittleEndian(v, pcm.data() + i * 2);
    }
    QByteArray wav("RIFF");
    auto u32 = [&](quint32 v) { char b[4]; qToLittleEndian(v, b); wav.append(b, 4); };
    auto u16 = [&](quint16 v) { char b[2]; qToLittleEndian(v, b); wav.append(b, 2); };
    u32(quint32(36 + pcm.size()));
    wav += "WAVEfmt ";
    u32(16); u16(1); u16(1); u32(rate); u32(rate * 2); u16(2); u16(16);
    wav += "data";
    u32(quint32(pcm.size()));
    return wav + pcm;
}

QSoundEffect *effect(const QString &name, double hz, int ms, QObject *parent)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(toneWav(hz, ms));
    f.close();
    auto *e = new QSoundEffect(parent);
    e->setSource(QUrl::fromLocalFile(path));
    e->setVolume(0.8f);
    return e;
}

} // namespace

FeedbackSound::FeedbackSound(QObject *parent) : QObject(parent)
{
    m_good = effect(QStringLiteral("scan-good.wav"), 1320, 90, this);
    m_bad = effect(QStringLiteral("scan-bad.wav"), 220, 450, this);
}

FeedbackSound::~FeedbackSound() = default;

void FeedbackSound::good()
{
    if (m_muted) return;
    m_good->play();
    Q_EMIT played(true);
}

void FeedbackSound::bad()
{
    if (m_muted) return;
    m_bad->play();
    if (m_bad->status() == QSoundEffect::Error) QApplication::beep();
    Q_EMIT played(false);
}

} // namespace liuhe::inventory
