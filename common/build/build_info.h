// What this program was built from, for reports that must say which build
// they measured (liuhe-bench, system.info): version, commit, build type, compiler.
#pragma once

#include <QString>

namespace liuhe {

// e.g. "0.1.0 dc7a734c1f2e RelWithDebInfo GNU 12.2.0": the commit the tree was
// at when built, with "+changes" when tracked files differed from it, "unknown"
// outside a git checkout.
QString buildDescription();

} // namespace liuhe
