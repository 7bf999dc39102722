// The clerk's audible feedback: a short high tone for a good scan, a long low
// one for an error; muted per station. played() tells which tone sounded (the
// scan screen's tests listen to it; muted tones are not played).
#pragma once

#include <QObject>
#include <memory>

class QSoundEffect;

namespace liuhe::inventory {

class FeedbackSound : public QObject {
    Q_OBJECT
public:
    explicit FeedbackSound(QObject *parent = nullptr);
    ~FeedbackSound() override;
    void good();
    void bad();
    void setMuted(bool muted) { m_muted = muted; }
    bool isMuted() const { return m_muted; }

Q_SIGNALS:
    void played(bool good);

private:
    QSoundEffect *m_good = nullptr;
    QSoundEffect *m_bad = nullptr;
    bool m_muted = false;
};

} // namespace liuhe::inventory
