#include "store/invariants.h"

namespace liuhe::store {

Invariants &Invariants::instance()
{
    static Invariants invariants;
    return invariants;
}

} // namespace liuhe::store
