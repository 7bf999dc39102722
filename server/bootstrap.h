// First start: the administrator role and account; the demo company on request;
// the override table into the pinyin engine.
#pragma once

#include <QString>

namespace liuhe::store {
class Db;
}

namespace liuhe {

// Creates role "admin" and user "admin" when the store has no users. Returns the
// generated password when none was given (printed once by the caller), else "".
QString ensureAdministrator(store::Db &db, const QString &givenPassword);

void loadPinyinOverrides(store::Db &db);

} // namespace liuhe
