// Password hashing with argon2id (libsodium) at no less than the OWASP floor:
// 19 MiB of memory and 2 passes. Hashes are self-describing ($argon2id$…), so
// stronger settings later still verify old hashes.
#pragma once

#include <QByteArray>
#include <QString>

namespace liuhe::auth {

bool initCrypto(); // sodium_init; call once at start

QString hashPassword(const QString &password);
bool verifyPassword(const QString &hash, const QString &password);
// True when the hash was made with weaker settings than today's (rehash on login).
bool needsRehash(const QString &hash);

// Random bytes from the OS CSPRNG, hex-encoded (a 16-byte token is 128 bits).
QString randomToken(int bytes = 16);
// A readable random password for first start (no 0/O, 1/l confusions).
QString randomPassword(int length = 16);

} // namespace liuhe::auth
